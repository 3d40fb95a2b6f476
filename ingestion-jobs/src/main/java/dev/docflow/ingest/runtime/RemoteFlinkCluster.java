package dev.docflow.ingest.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A Flink cluster reached over its REST API (the dashboard's address): the job jar is uploaded
 * and run with an entry class and arguments there, the way the dashboard's "Submit New Job" does,
 * so any session cluster runs Docflow's jobs without sharing our class path.
 */
public final class RemoteFlinkCluster {
    /** States a job does not leave (Flink's {@code JobStatus.isGloballyTerminalState}). */
    public static final Set<String> TERMINAL_STATES = Set.of("FINISHED", "FAILED", "CANCELED");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A jar run executes the job's main on the JobManager (the bulk job lists its knowledge base there). */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final URI rest;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public RemoteFlinkCluster(URI rest) {
        this.rest = rest;
    }

    public URI restAddress() {
        return rest;
    }

    /** Uploads {@code jar} ({@code POST /jars/upload}) and returns the id the cluster gave it. */
    public String uploadJar(Path jar) {
        String boundary = "docflow-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(jar), HttpRequest.BodyPublishers.ofByteArray(tail));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("no job jar at " + jar, e);
        }
        JsonNode reply = send(HttpRequest.newBuilder(rest.resolve("/jars/upload")).timeout(RUN_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(), "uploading " + jar);
        String file = reply.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /**
     * Runs {@code entryClass} of an uploaded jar with {@code args} ({@code POST /jars/{id}/run}):
     * its main runs on the JobManager and submits the job.
     *
     * @return the job's id
     * @throws IllegalStateException with the cluster's reply (a main that failed, say, with its message)
     */
    public String run(String jarId, String entryClass, List<String> args) {
        ObjectNode request = json.createObjectNode().put("entryClass", entryClass);
        args.forEach(request.putArray("programArgsList")::add);
        JsonNode reply = send(HttpRequest.newBuilder(rest.resolve("/jars/" + jarId + "/run")).timeout(RUN_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), "running " + entryClass);
        return reply.path("jobid").asText();
    }

    /** The job's state, such as {@code RUNNING}, {@code RESTARTING} or {@code FINISHED}. */
    public String jobState(String jobId) {
        return job(jobId).path("state").asText();
    }

    /** {@code GET /jobs/{id}}. */
    public JsonNode job(String jobId) {
        return get("/jobs/" + jobId);
    }

    /** Checkpoints completed so far ({@code GET /jobs/{id}/checkpoints}). */
    public long completedCheckpoints(String jobId) {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** Failures the job restarted from so far ({@code GET /jobs/{id}/exceptions}). */
    public int restarts(String jobId) {
        return get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries").size();
    }

    /** Cancels the job ({@code PATCH /jobs/{id}}). */
    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId + "?mode=cancel")).timeout(REQUEST_TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), "cancelling " + jobId);
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(rest.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build(), "GET " + path);
    }

    private JsonNode send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + " on the Flink cluster at " + rest + " failed with "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + " on the Flink cluster at " + rest + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}
