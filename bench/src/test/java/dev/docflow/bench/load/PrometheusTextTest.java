package dev.docflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String SCRAPE = """
            # HELP docflow_chat_retrieval_seconds Encoding the question and searching the index
            # TYPE docflow_chat_retrieval_seconds histogram
            docflow_chat_retrieval_seconds_bucket{mode="hybrid",le="0.1",} 3.0
            docflow_chat_retrieval_seconds_count{mode="hybrid",} 4.0
            docflow_chat_retrieval_seconds_sum{mode="hybrid",} 0.5
            docflow_chat_retrieval_seconds_count{mode="bm25",} 2.0
            docflow_chat_retrieval_seconds_sum{mode="bm25",} 0.25
            docflow_chat_answer_seconds_sum 1.5
            """;

    @Test
    void sumsEveryLabelSetOfOneMetricOnly() {
        assertThat(PrometheusText.sum(SCRAPE, "docflow_chat_retrieval_seconds_sum")).isEqualTo(0.75);
        assertThat(PrometheusText.sum(SCRAPE, "docflow_chat_retrieval_seconds_count")).isEqualTo(6.0);
        assertThat(PrometheusText.sum(SCRAPE, "docflow_chat_answer_seconds_sum")).isEqualTo(1.5);
        assertThat(PrometheusText.sum(SCRAPE, "docflow_missing")).isZero();
    }
}
