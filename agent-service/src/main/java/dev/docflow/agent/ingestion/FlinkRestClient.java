package dev.docflow.agent.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the job list from a Flink cluster's REST API (the address its dashboard is served at).
 * Short timeouts: the console asks while a person waits, and a cluster that is down must not hold
 * a request thread.
 */
public final class FlinkRestClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI restAddress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    public FlinkRestClient(String restAddress) {
        this.restAddress = URI.create(restAddress.endsWith("/") ? restAddress : restAddress + "/");
    }

    public List<FlinkJobSummary> jobs() throws FlinkUnreachableException {
        HttpRequest request = HttpRequest.newBuilder(restAddress.resolve("jobs/overview")).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new FlinkUnreachableException("Flink answered " + response.statusCode() + " for jobs/overview", null);
            }
            return parse(json.readTree(response.body()));
        } catch (IOException e) {
            throw new FlinkUnreachableException("Flink at " + restAddress + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkUnreachableException("interrupted while asking Flink for its jobs", e);
        }
    }

    static List<FlinkJobSummary> parse(JsonNode overview) throws FlinkUnreachableException {
        JsonNode jobs = overview.path("jobs");
        if (!jobs.isArray()) {
            throw new FlinkUnreachableException("Flink's jobs/overview has no \"jobs\" list", null);
        }
        List<FlinkJobSummary> parsed = new ArrayList<>();
        for (JsonNode job : jobs) {
            parsed.add(new FlinkJobSummary(job.path("jid").asText(), job.path("name").asText(),
                    job.path("state").asText(), Instant.ofEpochMilli(job.path("start-time").asLong())));
        }
        return parsed;
    }
}
