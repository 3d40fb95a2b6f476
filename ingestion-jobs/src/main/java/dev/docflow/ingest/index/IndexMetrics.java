package dev.docflow.ingest.index;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.metrics.StageMetricGroup;
import dev.docflow.connectors.contract.Stage;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * The index stage's metrics ({@code stage.index}): documents in, out (indexed) and failed by
 * reason, chunks written, the time of each bulk request, bulk requests sent again (the cluster
 * busy) and refused (a document's chunks rejected), and versions removed after their write because
 * a delete had begun.
 */
final class IndexMetrics implements BulkRequestListener {
    static final String CHUNKS_INDEXED = "chunksIndexed";
    static final String BULK_TIME = "bulkTimeMs";
    static final String BULK_RETRIES = "bulkRetries";
    static final String BULK_REJECTIONS = "bulkRejections";
    static final String UNWANTED_VERSIONS_REMOVED = "unwantedVersionsRemoved";

    private final StageMetricGroup stage;
    private final Counter in;
    private final Counter out;
    private final Counter chunksIndexed;
    private final Histogram bulkTime;
    private final Counter bulkRetries;
    private final Counter bulkRejections;
    private final Counter unwantedRemoved;

    IndexMetrics(MetricGroup operator) {
        stage = StageMetricGroup.failing(operator, Stage.INDEX.code());
        in = stage.counter(StageMetricGroup.DOCUMENTS_IN);
        out = stage.counter(StageMetricGroup.DOCUMENTS_OUT);
        chunksIndexed = stage.counter(CHUNKS_INDEXED);
        bulkTime = stage.histogram(BULK_TIME);
        bulkRetries = stage.counter(BULK_RETRIES);
        bulkRejections = stage.counter(BULK_REJECTIONS);
        unwantedRemoved = stage.counter(UNWANTED_VERSIONS_REMOVED);
    }

    void received() {
        in.inc();
    }

    void indexed(int chunks) {
        out.inc();
        chunksIndexed.inc(chunks);
    }

    void failed(FailureReason reason) {
        stage.failed(reason);
    }

    void unwantedVersionRemoved() {
        unwantedRemoved.inc();
    }

    @Override
    public void bulkAnswered(long millis) {
        bulkTime.update(millis);
    }

    @Override
    public void bulkRetried() {
        bulkRetries.inc();
    }

    @Override
    public void bulkRejected() {
        bulkRejections.inc();
    }
}
