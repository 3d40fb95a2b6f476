package dev.docflow.ingest.outcome;

import dev.docflow.ingest.metrics.StageMetricGroup;
import dev.docflow.ingest.model.DocumentOutcome;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The last stage's metrics ({@code stage.outcome}): documents done (an outcome reached the sink,
 * to be recorded at the next checkpoint), indexed and failed. The bulk job knows how many documents
 * it listed: {@code documentsTotal} says it, registered by the sink's first subtask only, so that the
 * sums over subtasks of {@code documentsDone} and {@code documentsTotal} are the job's progress.
 */
final class OutcomeMetrics {
    static final String STAGE = "outcome";
    static final String DOCUMENTS_DONE = "documentsDone";
    static final String DOCUMENTS_TOTAL = "documentsTotal";
    static final String DOCUMENTS_INDEXED = "documentsIndexed";
    static final String DOCUMENTS_FAILED = StageMetricGroup.DOCUMENTS_FAILED;

    private final Counter indexed;
    private final Counter failed;
    private long done;

    /** @param documentsTotal documents the job will see, 0 when it cannot know (an unbounded source) */
    OutcomeMetrics(MetricGroup operator, long documentsTotal, boolean firstSubtask) {
        StageMetricGroup stage = StageMetricGroup.of(operator, STAGE);
        stage.gauge(DOCUMENTS_DONE, (Gauge<Long>) () -> done);
        if (documentsTotal > 0 && firstSubtask) {
            stage.gauge(DOCUMENTS_TOTAL, (Gauge<Long>) () -> documentsTotal);
        }
        indexed = stage.counter(DOCUMENTS_INDEXED);
        failed = stage.counter(DOCUMENTS_FAILED);
    }

    void done(DocumentOutcome outcome) {
        done++;
        (outcome.indexed() ? indexed : failed).inc();
    }
}
