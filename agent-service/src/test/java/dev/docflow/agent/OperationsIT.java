package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.ServedHandbook;
import dev.docflow.localstack.testutils.GrafanaDashboards;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an operator's Prometheus reads: real requests to the service on the shared stack, then the
 * real {@code /metrics} text, whose series must have moved by what was asked, under route
 * templates and never a tenant's name or an id. {@code /health} and {@code /ready} need no key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServedHandbook service;

    @BeforeAll
    void start() throws Exception {
        // a small failed-key budget, so that a 429 is quick to earn
        service = ServedHandbook.start("operations-it",
                config -> config.withLimits(ServiceLimits.DEFAULTS.withFailedAuthenticationsPerMinute(2)));
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void metricsCountRequestsByRouteAndStatusWithLatencyUploadsRejectionsTheOutboxAndTheJvm() throws Exception {
        String before = metrics();
        String listed = "http_server_requests_seconds_count{method=\"GET\",route=\"/api/knowledge-bases\",status=\"200\"}";
        String unknownKnowledgeBase = "http_server_requests_seconds_count{method=\"GET\",route=\"/api/knowledge-bases/{kb}\","
                + "status=\"404\"}";
        String unmatched = "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}";
        String chatted = "http_server_requests_seconds_count{method=\"POST\",route=\"/api/chat\",status=\"200\"}";
        String refused = "http_server_requests_seconds_count{method=\"GET\",route=\"/api/knowledge-bases\",status=\"429\"}";
        String rejections = "docflow_rate_limit_rejections_total{limit=\"too_many_failed_authentications\"}";

        assertThat(service.client.get("/api/knowledge-bases").statusCode()).isEqualTo(200);
        assertThat(service.client.get("/api/knowledge-bases/no-such-kb-" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(service.client.base().resolve("/no/such/route/" + UUID.randomUUID())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        HttpResponse<String> chat = service.client.post("/api/chat", JSON.createObjectNode()
                .put("knowledgeBase", HandbookFixture.KNOWLEDGE_BASE).put("message", "How long must passwords be?"));
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        String content = "Operations manual: restart the pump weekly.\n".repeat(20);
        HttpResponse<String> upload = upload("ops-" + UUID.randomUUID() + ".md", content);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        String documentId = JSON.readTree(upload.body()).path("documents").path(0).path("id").asText();
        int[] statuses = new int[3];
        for (int i = 0; i < 3; i++) {
            statuses[i] = service.client.withKey("dfk_wrong").get("/api/knowledge-bases").statusCode();
        }
        assertThat(statuses).containsExactly(401, 401, 429);

        String after = metrics();

        assertThat(value(after, listed) - value(before, listed)).isEqualTo(1);
        assertThat(value(after, unknownKnowledgeBase) - value(before, unknownKnowledgeBase)).isEqualTo(1);
        assertThat(value(after, unmatched) - value(before, unmatched)).isEqualTo(1);
        assertThat(value(after, chatted) - value(before, chatted)).isEqualTo(1);
        assertThat(value(after, refused) - value(before, refused)).isEqualTo(1);
        assertThat(value(after, rejections) - value(before, rejections)).isEqualTo(1);
        assertThat(value(after, "docflow_upload_bytes_total") - value(before, "docflow_upload_bytes_total"))
                .isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(value(after, "docflow_upload_files_total{status=\"uploaded\"}")
                - value(before, "docflow_upload_files_total{status=\"uploaded\"}")).isEqualTo(1);
        assertThat(value(after, "docflow_chat_retrieval_seconds_count{mode=\"hybrid\"}")
                - value(before, "docflow_chat_retrieval_seconds_count{mode=\"hybrid\"}")).isEqualTo(1);
        assertThat(value(after, "docflow_chat_answer_seconds_count{outcome=\"answered\"}")
                - value(before, "docflow_chat_answer_seconds_count{outcome=\"answered\"}")).isEqualTo(1);
        // histogram buckets, for p50/p95/p99 with histogram_quantile: the last one holds every request
        assertThat(value(after, "http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/chat\",status=\"200\",le=\"+Inf\"}"))
                .isEqualTo(value(after, chatted));
        assertThat(after).contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/chat\",status=\"200\",le=\"0.25\"}",
                "docflow_chat_answer_seconds_bucket{outcome=\"answered\",le=\"0.5\"}",
                "docflow_chat_retrieval_seconds_sum{mode=\"hybrid\"}");
        assertThat(value(after, "docflow_outbox_events")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "docflow_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "docflow_http_requests_in_flight")).isEqualTo(0);
        assertThat(value(after, "docflow_documents{status=\"uploaded\"}")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "docflow_documents{status=\"processing\"}")).isGreaterThanOrEqualTo(0);
        // what the Grafana dashboards query from the service is what it exposes
        for (String dashboard : List.of("docflow-service.json", "docflow-pipeline.json")) {
            for (String name : GrafanaDashboards.metricNames(GrafanaDashboards.folder(ROOT).resolve(dashboard), "")) {
                if (!name.startsWith("flink_")) {
                    assertThat(after).as("%s queries %s", dashboard, name).containsPattern("(?m)^" + name + "[{ ]");
                }
            }
        }
        assertThat(after).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_live_data_size_bytes ", "jvm_threads_live_threads ",
                "process_uptime_seconds ", "process_cpu_usage ");
        // labels hold templates and codes: no tenant, knowledge base name or id of what was asked
        assertThat(after).doesNotContain(service.fixture.tenant, documentId, "no-such-kb", "/no/such/route");
    }

    @Test
    void healthReadyAndMetricsNeedNoKeyAndARequestKeepsTheIdItCameWith() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(service.client.base().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(service.client.base().resolve("/ready"))
                .header("X-Request-Id", "probe-4711").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(service.client.base().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(ready.body());
        assertThat(report.path("status").asText()).isEqualTo("ready");
        assertThat(JSON.convertValue(report.path("checks"), Map.class))
                .isEqualTo(Map.of("elasticsearch", "ok", "postgresql", "ok", "object_store", "ok", "kafka", "ok"));
        assertThat(ready.headers().firstValue("X-Request-Id")).contains("probe-4711");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
    }

    private HttpResponse<String> upload(String fileName, String content) throws Exception {
        String boundary = "docflow-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return HTTP.send(HttpRequest.newBuilder(service.client.base().resolve(
                        "/api/knowledge-bases/" + HandbookFixture.KNOWLEDGE_BASE + "/documents"))
                .header("Authorization", "Bearer " + service.client.key())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.client.base().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sample of {@code series} (name and labels as written), 0 when it has none yet. */
    private static double value(String text, String series) {
        return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]))
                .orElse(0.0);
    }
}
