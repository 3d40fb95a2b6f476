package dev.docflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A steady stream of API clients, as applications would be: one uploads small Markdown documents
 * one after the other (retrying a document that got a 503 or no answer, with its very bytes, until
 * it is accepted), one chats, one reads document statuses. Every request is recorded in a {@link
 * RequestTally} under the phase {@code phase} names at the time it was sent.
 */
public final class ApiLoad implements AutoCloseable {
    /** Longer than any answer may take: a request past it counts as a hang ({@link RequestTally#NO_ANSWER}). */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A few documents per outage, no more than a busy two-core machine embeds meanwhile. */
    private static final Duration UPLOAD_EVERY = Duration.ofMillis(2_500);
    private static final Duration READ_EVERY = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String apiKey;
    private final String knowledgeBase;
    private final Supplier<String> phase;
    private final RequestTally tally;
    private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(3, task -> {
        Thread thread = new Thread(task, "fault-bench-client");
        thread.setDaemon(true);
        return thread;
    });
    /** Accepted documents' ids, in acceptance order. Guarded by itself. */
    private final Set<String> accepted = Collections.synchronizedSet(new LinkedHashSet<>());
    private int nextDocument; // the uploader thread's own
    private String pending; // the document being retried, or null

    public ApiLoad(int port, String apiKey, String knowledgeBase, Supplier<String> phase, RequestTally tally) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.apiKey = apiKey;
        this.knowledgeBase = knowledgeBase;
        this.phase = phase;
        this.tally = tally;
    }

    /** Starts the clients; they run until {@link #close()}. */
    public void start() {
        clients.scheduleWithFixedDelay(this::uploadNext, 0, UPLOAD_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        clients.scheduleWithFixedDelay(this::chat, 100, READ_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        clients.scheduleWithFixedDelay(this::readStatuses, 200, READ_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ids of the documents the API accepted, in acceptance order. */
    public List<String> accepted() {
        synchronized (accepted) {
            return new ArrayList<>(accepted);
        }
    }

    /** Whether a document is still waiting to be accepted (it got a 503 and is being retried). */
    public synchronized boolean retrying() {
        return pending != null;
    }

    /** Stops the clients and waits for the requests in flight. */
    @Override
    public void close() throws InterruptedException {
        clients.shutdown();
        if (!clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }

    /** Blocks until the document being retried (if any) is accepted, keeping on with the others meanwhile. */
    private void uploadNext() {
        String name;
        synchronized (this) {
            if (pending == null) {
                pending = "doc-" + String.format(Locale.ROOT, "%04d", nextDocument++) + ".md";
            }
            name = pending;
        }
        Reply reply = send("upload", multipart(name, FaultDocuments.markdown(name)));
        if (reply.status() == 200) {
            JsonNode document = reply.body().path("documents").path(0);
            String status = document.path("status").asText();
            // unchanged: an earlier attempt was stored and recorded although its answer was lost
            if (status.equals("uploaded") || status.equals("unchanged")) {
                accepted.add(document.path("id").asText());
                synchronized (this) {
                    pending = null;
                }
            }
        }
    }

    private void chat() {
        String body = JSON.createObjectNode().put("knowledgeBase", knowledgeBase)
                .put("message", "What level did the river station log at hour 2?").toString();
        send("chat", HttpRequest.newBuilder(base.resolve("/api/chat"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private void readStatuses() {
        send("status", HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + knowledgeBase + "/documents?limit=5")).GET());
    }

    private HttpRequest.Builder multipart(String fileName, String markdown) {
        String boundary = "b-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + markdown + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + knowledgeBase + "/documents"))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private record Reply(int status, JsonNode body) {}

    private Reply send(String kind, HttpRequest.Builder request) {
        String phaseAtStart = phase.get();
        long startedAt = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(response.body());
            String code = response.statusCode() < 300 ? null : body.path("error").path("code").asText(null);
            tally.record(new RequestTally.Request(phaseAtStart, kind, response.statusCode(), code,
                    response.headers().firstValue("Retry-After").isPresent(), millisSince(startedAt)));
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            tally.record(new RequestTally.Request(phaseAtStart, kind, RequestTally.NO_ANSWER, e.getClass().getSimpleName(),
                    false, millisSince(startedAt)));
            return new Reply(RequestTally.NO_ANSWER, JSON.missingNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(RequestTally.NO_ANSWER, JSON.missingNode());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
