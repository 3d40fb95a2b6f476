package dev.docflow.ingest.chunk;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.Stage;
import dev.docflow.ingest.outcome.OutcomeTag;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Cuts an extracted document into chunks; a document with no chunk fails alone as {@code empty}. */
public class ChunkDocumentFunction extends ProcessFunction<ExtractedDocument, ChunkedDocument> {
    private final ChunkingSettings settings;
    private transient Chunker chunker;

    public ChunkDocumentFunction(ChunkingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        chunker = new Chunker(new WordPieceTokenCounter(), settings);
    }

    @Override
    public void processElement(ExtractedDocument document, Context context, Collector<ChunkedDocument> out) {
        List<Chunk> chunks = chunker.chunk(document);
        if (chunks.isEmpty()) {
            context.output(OutcomeTag.OUTCOMES, DocumentOutcome.failed(
                    document.ref(), Stage.CHUNK, "empty", "the document has no text to index"));
            return;
        }
        out.collect(new ChunkedDocument(document.ref(), document.contentType(), document.pageCount(),
                chunks.toArray(new Chunk[0])));
    }
}
