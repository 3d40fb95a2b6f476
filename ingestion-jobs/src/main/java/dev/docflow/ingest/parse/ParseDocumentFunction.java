package dev.docflow.ingest.parse;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.Stage;
import dev.docflow.ingest.outcome.OutcomeTag;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a document from the object store and extracts its text. A document Tika cannot read
 * fails alone (outcome on {@link OutcomeTag#OUTCOMES}); an unreachable object store fails the task,
 * so Flink restarts it rather than marking good documents failed.
 */
public class ParseDocumentFunction extends ProcessFunction<DocumentRef, ExtractedDocument> {
    private static final Logger LOG = LoggerFactory.getLogger(ParseDocumentFunction.class);

    private final ObjectStoreSettings storeSettings;
    private final ParseLimits limits;
    private transient ObjectStore store;
    private transient TikaDocumentParser parser;

    public ParseDocumentFunction(ObjectStoreSettings storeSettings, ParseLimits limits) {
        this.storeSettings = storeSettings;
        this.limits = limits;
    }

    @Override
    public void open(OpenContext openContext) {
        store = new ObjectStore(storeSettings);
        parser = new TikaDocumentParser(limits);
    }

    @Override
    public void processElement(DocumentRef ref, Context context, Collector<ExtractedDocument> out) throws Exception {
        Path copy = Files.createTempFile("docflow-", ".doc");
        try {
            try (InputStream in = store.open(ref.objectKey())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            out.collect(parser.parse(ref, copy));
        } catch (DocumentFailedException e) {
            LOG.info("document failed documentId={} stage=parse reason={} file={}: {}",
                    ref.documentId(), e.reason(), ref.fileName(), e.getMessage());
            context.output(OutcomeTag.OUTCOMES,
                    DocumentOutcome.failed(ref.documentId(), Stage.PARSE, e.reason(), e.getMessage()));
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
