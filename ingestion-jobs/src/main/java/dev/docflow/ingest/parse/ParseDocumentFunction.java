package dev.docflow.ingest.parse;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.outcome.OutcomeTag;
import dev.docflow.ingest.parse.worker.IsolatedExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a document's file ({@link DocumentFiles}: the object store) and extracts its text. A
 * document Tika cannot read fails alone (outcome on {@link OutcomeTag#OUTCOMES}); an unreachable
 * object store fails the task,
 * so Flink restarts it rather than marking good documents failed, as does a parse worker process
 * that cannot be started ({@link dev.docflow.ingest.parse.worker.ParseWorkerUnavailableException}).
 */
public class ParseDocumentFunction extends ProcessFunction<DocumentRef, ExtractedDocument> {
    private static final Logger LOG = LoggerFactory.getLogger(ParseDocumentFunction.class);

    private final DocumentFiles files;
    private final ParseLimits limits;
    private final ExtractionSettings extraction;
    private transient DocumentFiles.Reader store;
    private transient Extractor extractor;
    private transient ParseMetrics metrics;

    public ParseDocumentFunction(DocumentFiles files, ParseLimits limits, ExtractionSettings extraction) {
        this.files = files;
        this.limits = limits;
        this.extraction = extraction;
    }

    @Override
    public void open(OpenContext openContext) {
        store = files.connect();
        // in worker processes unless parse.isolation=thread: a file that exhausts memory or spins must not take the TaskManager
        extractor = extraction.isolation().isolated()
                ? new IsolatedExtractor(limits, extraction)
                : new DocumentExtractor(limits, extraction);
        metrics = new ParseMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(DocumentRef ref, Context context, Collector<ExtractedDocument> out) throws Exception {
        metrics.received();
        if (ref.sizeBytes() > limits.maxFileBytes()) {
            // refused before a byte is fetched: a huge upload costs neither disk nor time here
            fail(ref, context, new DocumentFailedException(FailureReason.TOO_LARGE,
                    "the file has " + ref.sizeBytes() + " bytes, over the limit of " + limits.maxFileBytes()));
            return;
        }
        Path copy = Files.createTempFile("docflow-", ".doc");
        try {
            Optional<InputStream> stored = store.openIfExists(ref.objectKey());
            if (stored.isEmpty()) {
                // removed after it was announced: nothing left to ingest. The outcome ends the
                // document rather than leaving it processing; it settles only a version the row
                // still waits for, so a late event of a deleted or replaced version changes nothing
                fail(ref, context, new DocumentFailedException(FailureReason.FILE_MISSING,
                        "the file " + ref.objectKey() + " is no longer in the object store"));
                return;
            }
            try (InputStream in = stored.get()) {
                metrics.fetched(Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING));
            }
            long start = System.nanoTime();
            ExtractedDocument document = extractor.extract(ref, copy);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            metrics.parsed(document, tookMs);
            LOG.debug("document parsed documentId={} stage=parse pages={} tookMs={}", ref.documentId(), document.pageCount(), tookMs);
            out.collect(document);
        } catch (DocumentFailedException e) {
            fail(ref, context, e);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private void fail(DocumentRef ref, Context context, DocumentFailedException e) {
        metrics.failed(e);
        LOG.info("document failed documentId={} stage={} reason={} file={}: {}",
                ref.documentId(), e.stage().code(), e.reason(), ref.fileName(), e.getMessage());
        context.output(OutcomeTag.OUTCOMES,
                DocumentOutcome.failed(ref, e.stage(), e.reason(), e.getMessage()));
    }

    @Override
    public void close() {
        if (extractor != null) {
            extractor.close();
        }
    }
}
