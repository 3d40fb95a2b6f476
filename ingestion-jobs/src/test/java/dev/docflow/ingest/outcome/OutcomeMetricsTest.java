package dev.docflow.ingest.outcome;

import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.connectors.contract.Stage;
import org.apache.flink.metrics.testutils.MetricListener;
import org.junit.jupiter.api.Test;

class OutcomeMetricsTest {
    private static final DocumentRef REF = new DocumentRef("d1", "t", "kb", "kb-id", "t/kb/a.md", "a.md", 42, 7);

    @Test
    void theBulkJobsProgressIsDoneOfTotalWithTheTotalOnTheFirstSubtaskOnly() {
        MetricListener first = new MetricListener();
        MetricListener second = new MetricListener();
        OutcomeMetrics metrics = new OutcomeMetrics(first.getMetricGroup(), 3, true);
        new OutcomeMetrics(second.getMetricGroup(), 3, false);

        metrics.done(DocumentOutcome.indexed(REF, 0, 4));
        metrics.done(DocumentOutcome.failed(REF, Stage.PARSE, FailureReason.CORRUPT, "not a PDF"));

        assertThat(first.<Long>getGauge("stage", "outcome", "documentsDone").orElseThrow().getValue()).isEqualTo(2);
        assertThat(first.<Long>getGauge("stage", "outcome", "documentsTotal").orElseThrow().getValue()).isEqualTo(3);
        assertThat(second.getGauge("stage", "outcome", "documentsTotal")).as("summed over subtasks, counted once").isEmpty();
        assertThat(first.getCounter("stage", "outcome", "documentsIndexed").orElseThrow().getCount()).isEqualTo(1);
        assertThat(first.getCounter("stage", "outcome", "documentsFailed").orElseThrow().getCount()).isEqualTo(1);
    }

    @Test
    void aJobThatCannotKnowItsTotalShowsNone() {
        MetricListener listener = new MetricListener();
        new OutcomeMetrics(listener.getMetricGroup(), 0, true);
        assertThat(listener.getGauge("stage", "outcome", "documentsTotal")).isEmpty();
        assertThat(listener.getGauge("stage", "outcome", "documentsDone")).isPresent();
    }
}
