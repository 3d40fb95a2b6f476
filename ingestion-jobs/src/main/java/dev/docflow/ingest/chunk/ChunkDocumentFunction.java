package dev.docflow.ingest.chunk;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.ingest.outcome.OutcomeTag;
import dev.docflow.connectors.contract.FailureReason;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts an extracted document into chunks. A document fails alone: {@code empty} with no chunk,
 * {@code too_large} past {@link Chunker#MAX_CHUNKS}, {@code timeout} when its time budget ran out.
 */
public class ChunkDocumentFunction extends ProcessFunction<ExtractedDocument, ChunkedDocument> {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkDocumentFunction.class);

    private final ChunkingSettings settings;
    private transient Chunker chunker;
    private transient ChunkMetrics metrics;

    public ChunkDocumentFunction(ChunkingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        chunker = new Chunker(new WordPieceTokenCounter(), settings);
        metrics = new ChunkMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(ExtractedDocument document, Context context, Collector<ChunkedDocument> out) {
        metrics.received();
        List<Chunk> chunks;
        long start = System.nanoTime();
        try {
            chunks = chunker.chunk(document);
            if (chunks.isEmpty()) {
                throw new DocumentFailedException(Stage.CHUNK, FailureReason.EMPTY, "the document has no text to index", null);
            }
            if (System.currentTimeMillis() > document.deadlineMillis()) {
                throw new DocumentFailedException(Stage.CHUNK, FailureReason.TIMEOUT,
                        "the document's time limit (parse.max-seconds) ran out while it was chunked", null);
            }
        } catch (DocumentFailedException e) {
            metrics.failed(e.reason());
            LOG.info("document failed documentId={} stage={} reason={} file={}: {}", document.ref().documentId(),
                    e.stage().code(), e.reason(), document.ref().fileName(), e.getMessage());
            context.output(OutcomeTag.OUTCOMES, DocumentOutcome.failed(document.ref(), e.stage(), e.reason(), e.getMessage()));
            return;
        }
        metrics.chunked(chunks.size());
        LOG.debug("document chunked documentId={} stage=chunk chunks={} tookMs={}", document.ref().documentId(), chunks.size(),
                (System.nanoTime() - start) / 1_000_000);
        out.collect(new ChunkedDocument(document.ref(), document.contentType(), document.pageCount(),
                chunks.toArray(new Chunk[0])));
    }
}
