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
     * The sum over subtasks of an operator metric (a counter) of the vertex whose name starts with
     * {@code vertexName}; 0 while no subtask has reported it yet.
     */
    public long operatorMetric(String vertexName, String metric) throws Exception {
        String vertex = "/jobs/" + job + "/vertices/" + vertexId(vertexName) + "/subtasks/metrics";
        String id = null;
        for (JsonNode available : get(vertex)) {
            if (available.path("id").asText().endsWith("." + metric)) {
                id = available.path("id").asText();
            }
        }
        if (id == null) {
            return 0;
        }
        JsonNode values = get(vertex + "?get=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "&agg=sum");
        return values.path(0).path("sum").asLong();
    }

    /** Records the vertex whose name starts with {@code vertexName} has received, over its subtasks. */
    public long vertexRecordsIn(String vertexName) throws Exception {
        for (JsonNode vertex : get("/jobs/" + job).path("vertices")) {
            if (vertex.path("name").asText().startsWith(vertexName)) {
                return vertex.path("metrics").path("read-records").asLong();
            }
        }
        throw new IllegalStateException("job " + job + " has no vertex named " + vertexName);
    }

    private String vertexId(String vertexName) throws Exception {
        for (JsonNode vertex : get("/jobs/" + job).path("vertices")) {
            if (vertex.path("name").asText().startsWith(vertexName)) {
                return vertex.path("id").asText();
            }
        }
        throw new IllegalStateException("job " + job + " has no vertex named " + vertexName);
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(rest.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
