package dev.docflow.ingest.embed;

import dev.docflow.ingest.metrics.StageMetricGroup;
import dev.docflow.connectors.contract.Stage;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * The embed stage's metrics ({@code stage.embed}): documents in and out (none fails here),
 * embeddings made, and the time of each model call ({@value ChunkEmbedder#BATCH} chunks at most).
 */
final class EmbedMetrics implements EmbeddingBatchListener {
    static final String EMBEDDINGS = "embeddings";
    static final String BATCH_TIME = "embeddingBatchTimeMs";

    private final StageMetricGroup stage;
    private final Counter in;
    private final Counter out;
    private final Counter embeddings;
    private final Histogram batchTime;

    EmbedMetrics(MetricGroup operator) {
        stage = StageMetricGroup.of(operator, Stage.EMBED.code());
        in = stage.counter(StageMetricGroup.DOCUMENTS_IN);
        out = stage.counter(StageMetricGroup.DOCUMENTS_OUT);
        embeddings = stage.counter(EMBEDDINGS);
        batchTime = stage.histogram(BATCH_TIME);
    }

    void received() {
        in.inc();
    }

    @Override
    public void batchEmbedded(int chunks, long millis) {
        embeddings.inc(chunks);
        batchTime.update(millis);
    }

    void embedded() {
        out.inc();
    }
}
