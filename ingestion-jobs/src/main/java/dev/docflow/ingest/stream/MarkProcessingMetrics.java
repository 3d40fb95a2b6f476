package dev.docflow.ingest.stream;

import dev.docflow.ingest.metrics.StageMetricGroup;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The streaming job's first stage ({@code stage.mark_processing}): upload events in, documents
 * passed on, and events skipped by why ({@code reason.deleted}, {@code reason.replaced}).
 */
final class MarkProcessingMetrics {
    static final String STAGE = "mark_processing"; // Prometheus would turn a hyphen into "_": one spelling for both
    static final String DOCUMENTS_SKIPPED = "documentsSkipped";
    static final String DELETED = "deleted";
    static final String REPLACED = "replaced";

    private final Counter in;
    private final Counter out;
    private final Map<String, Counter> skipped = new HashMap<>();

    MarkProcessingMetrics(MetricGroup operator) {
        StageMetricGroup stage = StageMetricGroup.of(operator, STAGE);
        in = stage.counter(StageMetricGroup.DOCUMENTS_IN);
        out = stage.counter(StageMetricGroup.DOCUMENTS_OUT);
        for (String reason : new String[] {DELETED, REPLACED}) {
            skipped.put(reason, stage.counter(reason, DOCUMENTS_SKIPPED));
        }
    }

    void received() {
        in.inc();
    }

    void passed() {
        out.inc();
    }

    void skipped(String reason) {
        skipped.get(reason).inc();
    }
}
