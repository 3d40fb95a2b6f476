package dev.docflow.ingest.embed;

import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.EmbeddedChunk;
import dev.docflow.ingest.model.EmbeddedDocument;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds a document's chunks and emits them together, for the index stage to write as one unit;
 * the document's outcome is the index stage's to emit, once its chunks are written
 * ({@code IndexChunksFunction}). No document fails here: see {@link ChunkEmbedder} for why
 * embedding has no time limit.
 */
public class EmbedChunksFunction extends ProcessFunction<ChunkedDocument, EmbeddedDocument> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbedChunksFunction.class);
    private final EmbeddingModelChoice model;
    private transient ChunkEmbedder embedder;
    private transient EmbedMetrics metrics;

    public EmbedChunksFunction(EmbeddingModelChoice model) {
        this.model = model;
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = new EmbedMetrics(getRuntimeContext().getMetricGroup());
        embedder = new ChunkEmbedder(SharedEmbeddingModel.get(model), metrics);
        SharedEmbeddingModel.closeWithJob(getRuntimeContext());
    }

    @Override
    public void processElement(ChunkedDocument document, Context context, Collector<EmbeddedDocument> out) {
        metrics.received();
        long start = System.nanoTime();
        List<float[]> vectors = embedder.embed(document.chunks());
        EmbeddedChunk[] embedded = new EmbeddedChunk[document.chunks().length];
        for (int i = 0; i < embedded.length; i++) {
            embedded[i] = new EmbeddedChunk(document.ref(), document.contentType(), document.chunks()[i], vectors.get(i), model.id());
        }
        metrics.embedded();
        LOG.debug("document embedded documentId={} stage=embed chunks={} tookMs={}", document.ref().documentId(), embedded.length,
                (System.nanoTime() - start) / 1_000_000);
        out.collect(new EmbeddedDocument(document.ref(), document.pageCount(), embedded));
    }
}
