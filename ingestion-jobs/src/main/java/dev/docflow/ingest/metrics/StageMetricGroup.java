package dev.docflow.ingest.metrics;

import dev.docflow.connectors.contract.FailureReason;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The metrics of one stage, under its operator's metric group as {@code stage.<stage>.<name>}: in
 * Flink's REST API {@code <subtask>.<operator>.stage.parse.documentsIn}, in Prometheus
 * {@code flink_taskmanager_job_task_operator_stage_documentsIn{stage="parse",…}}. The stage is a
 * label of its own so dashboards need not know operator names (the embed operator's carries the
 * model's). A failure counts under {@code stage.<stage>.reason.<reason>.documentsFailed}
 * ({@code …_stage_reason_documentsFailed{stage=…,reason=…}}), one counter per reason of
 * {@link FailureReason}.
 *
 * <p>Not thread-safe: one per operator instance, used from its task thread.
 */
public final class StageMetricGroup {
    public static final String STAGE = "stage";
    public static final String REASON = "reason";
    /** Documents the stage received, passed on, and failed (by reason); every stage counts them under these names. */
    public static final String DOCUMENTS_IN = "documentsIn";
    public static final String DOCUMENTS_OUT = "documentsOut";
    public static final String DOCUMENTS_FAILED = "documentsFailed";
    /**
     * Values a histogram's statistics are taken over: the latest thousand documents (or pages,
     * batches) of this subtask, enough for a p99 without holding much.
     */
    static final int HISTOGRAM_WINDOW = 1_000;

    private final MetricGroup group;
    private final Map<FailureReason, Counter> failures = new EnumMap<>(FailureReason.class);

    private StageMetricGroup(MetricGroup group) {
        this.group = group;
    }

    /** A stage that may fail documents: its failure counters, one per reason, exist from the start (at 0). */
    public static StageMetricGroup failing(MetricGroup operator, String stage) {
        StageMetricGroup metrics = of(operator, stage);
        java.util.Arrays.stream(FailureReason.values()).forEach(metrics::failureCounter);
        return metrics;
    }

    /** A stage that fails no document itself. */
    public static StageMetricGroup of(MetricGroup operator, String stage) {
        return new StageMetricGroup(operator.addGroup(STAGE, stage));
    }

    public Counter counter(String name) {
        return group.counter(name);
    }

    /** Statistics over the latest {@link #HISTOGRAM_WINDOW} values: count, min, max, mean, percentiles. */
    public Histogram histogram(String name) {
        return group.histogram(name, new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }

    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        return group.gauge(name, gauge);
    }

    /** Counts a document failed with {@code reason}. */
    public void failed(FailureReason reason) {
        failureCounter(reason).inc();
    }

    /** A counter of this stage's, by reason: {@code stage.<stage>.reason.<reason>.<name>}. */
    public Counter counter(String reason, String name) {
        return group.addGroup(REASON, reason).counter(name);
    }

    private Counter failureCounter(FailureReason reason) {
        return failures.computeIfAbsent(reason, r -> counter(r.code(), DOCUMENTS_FAILED));
    }
}
