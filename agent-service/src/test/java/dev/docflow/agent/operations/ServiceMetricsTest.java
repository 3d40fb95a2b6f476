package dev.docflow.agent.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The names Prometheus sees: the README's list and the dashboards rely on them exactly. */
class ServiceMetricsTest {
    @Test
    void eachMeterHasThePrometheusNameTheReadmeLists() {
        try (ServiceMetrics metrics = new ServiceMetrics()) {
            metrics.request("GET", "/api/knowledge-bases/{kb}", 200, 3_000_000);
            metrics.retrieval("hybrid", Duration.ofMillis(40));
            metrics.answer("answered", Duration.ofMillis(120));
            metrics.uploaded("uploaded", 2_048);
            metrics.rejected("too_many_requests");
            metrics.outbox(new CachedReading<>(() -> new OutboxBacklog(2, 7.0), Duration.ofSeconds(5), System::nanoTime));
            metrics.documentBacklog(new CachedReading<>(() -> new DocumentBacklog(5, 3), Duration.ofSeconds(5), System::nanoTime));
            metrics.requestsInFlight(() -> 1);
            System.gc(); // the gauges' objects are held by nothing but the registry

            String text = metrics.scrape();

            assertThat(text).contains(
                    "http_server_requests_seconds_count{method=\"GET\",route=\"/api/knowledge-bases/{kb}\",status=\"200\"} 1",
                    "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/knowledge-bases/{kb}\",status=\"200\",le=\"0.005\"} 1",
                    "http_server_requests_seconds_sum{",
                    "http_server_requests_seconds_max{",
                    "docflow_chat_retrieval_seconds_bucket{mode=\"hybrid\",le=\"0.05\"} 1",
                    "docflow_chat_answer_seconds_count{outcome=\"answered\"} 1",
                    "docflow_upload_bytes_total 2048",
                    "docflow_upload_files_total{status=\"uploaded\"} 1",
                    "docflow_upload_file_size_bytes_bucket{le=\"10000.0\"} 1",
                    "docflow_rate_limit_rejections_total{limit=\"too_many_requests\"} 1",
                    "docflow_outbox_events 2",
                    "docflow_outbox_oldest_age_seconds 7",
                    "docflow_http_requests_in_flight 1",
                    "docflow_documents{status=\"uploaded\"} 5",
                    "docflow_documents{status=\"processing\"} 3",
                    "jvm_memory_used_bytes{",
                    "jvm_threads_live_threads",
                    "jvm_gc_",
                    "process_uptime_seconds",
                    "process_cpu_usage");
        }
    }
}
