package dev.docflow.ingest.chunk;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.metrics.StageMetricGroup;
import dev.docflow.connectors.contract.Stage;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** The chunk stage's metrics ({@code stage.chunk}): documents in, out and failed by reason, chunks made. */
final class ChunkMetrics {
    static final String CHUNKS = "chunks";

    private final StageMetricGroup stage;
    private final Counter in;
    private final Counter out;
    private final Counter chunks;

    ChunkMetrics(MetricGroup operator) {
        stage = StageMetricGroup.failing(operator, Stage.CHUNK.code());
        in = stage.counter(StageMetricGroup.DOCUMENTS_IN);
        out = stage.counter(StageMetricGroup.DOCUMENTS_OUT);
        chunks = stage.counter(CHUNKS);
    }

    void received() {
        in.inc();
    }

    void chunked(int chunkCount) {
        out.inc();
        chunks.inc(chunkCount);
    }

    void failed(FailureReason reason) {
        stage.failed(reason);
    }
}
