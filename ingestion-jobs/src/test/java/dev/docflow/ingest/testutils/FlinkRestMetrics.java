package dev.docflow.ingest.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;

/**
 * A job's metrics as Flink's REST API serves them to the dashboard: every vertex's
 * {@code /jobs/{job}/vertices/{vertex}/metrics}, whose ids are {@code <subtask>.<operator>.<metric>}.
 */
public final class FlinkRestMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI rest;
    private final JobID job;

    public FlinkRestMetrics(URI rest, JobID job) {
        this.rest = rest;
        this.job = job;
    }

    /** Every metric id of the job's vertices with its value, as listed and then fetched with {@code ?get=}. */
    public Map<String, String> all() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode vertex : get("/jobs/" + job).path("vertices")) {
            String path = "/jobs/" + job + "/vertices/" + vertex.path("id").asText() + "/metrics";
            List<String> ids = new ArrayList<>();
            get(path).forEach(metric -> ids.add(metric.path("id").asText()));
            // the id list in pieces: a URL of a few hundred ids stays well under Netty's line limit
            for (int from = 0; from < ids.size(); from += 40) {
                String wanted = String.join(",", ids.subList(from, Math.min(ids.size(), from + 40)));
                get(path + "?get=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8))
                        .forEach(metric -> values.put(metric.path("id").asText(), metric.path("value").asText()));
            }
        }
        return values;
    }

    /** The sum over subtasks (and operators) of the metrics whose id ends with {@code "." + suffix}. */
    public static long sum(Map<String, String> metrics, String suffix) {
        long sum = 0;
        for (Map.Entry<String, String> metric : metrics.entrySet()) {
            if (metric.getKey().endsWith("." + suffix)) {
                sum += (long) Double.parseDouble(metric.getValue());
            }
        }
        return sum;
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(rest.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
