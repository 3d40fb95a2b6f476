package dev.docflow.cli.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.flink.api.common.JobID;

/** What Flink's REST API tells about a running job's vertices. */
public final class FlinkJobMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI rest;
    private final JobID job;

    public FlinkJobMetrics(URI rest, JobID job) {
        this.rest = rest;
        this.job = job;
    }

    /**
     * Records the vertex whose name starts with {@code operatorName} has received from upstream
     * (its {@code read-records}, as the dashboard shows it; refreshed every few seconds).
     */
    public long recordsInto(String operatorName) throws Exception {
        String body = http.send(HttpRequest.newBuilder(rest.resolve("/jobs/" + job)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode vertex : JSON.readTree(body).path("vertices")) {
            if (vertex.path("name").asText().startsWith(operatorName)) {
                return vertex.path("metrics").path("read-records").asLong();
            }
        }
        throw new IllegalStateException("job " + job + " has no vertex named " + operatorName + ": " + body);
    }
}
