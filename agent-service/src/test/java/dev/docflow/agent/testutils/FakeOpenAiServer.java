package dev.docflow.agent.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real HTTP server speaking the OpenAI chat-completions API ({@code POST /v1/chat/completions}),
 * plain and streamed ({@code text/event-stream}: {@code data: <chat.completion.chunk>} lines, then
 * {@code data: [DONE]}), on a free port. Each request takes the next {@link Reply} of the script the
 * test set, and is recorded so the test can check what the model was sent.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a reply waits for its gate before writing on anyway (and saying so). */
    private static final long GATE_SECONDS = 10;
    /** A stream kept open until the client closes it stops after this many pieces if it never does. */
    private static final int MAX_FILLER_PIECES = 100_000;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean gateTimedOut = new AtomicBoolean();
    private final AtomicBoolean clientClosedStream = new AtomicBoolean();

    /** One request as received. */
    public record Request(String path, String authorization, JsonNode body) {
        public boolean streamed() {
            return body.path("stream").asBoolean(false);
        }

        public String model() {
            return body.path("model").asText();
        }

        /** The messages as {@code role: content}, in order. */
        public List<String> messages() {
            List<String> messages = new ArrayList<>();
            body.path("messages").forEach(message ->
                    messages.add(message.path("role").asText() + ": " + message.path("content").asText()));
            return messages;
        }

        public String lastMessage() {
            List<String> messages = messages();
            return messages.get(messages.size() - 1);
        }
    }

    /** What the server answers one request with. */
    public sealed interface Reply permits Text, Status, Silence, Broken {}

    /**
     * The model's reply in pieces: one chunk each when streamed, joined when not. A streamed reply
     * writes {@code before}, waits for {@code gate} (when there is one), then writes {@code after};
     * with {@code untilClosed} it then goes on writing until the client closes the connection.
     */
    public record Text(List<String> before, CountDownLatch gate, List<String> after, boolean untilClosed) implements Reply {}

    public record Status(int code, String body) implements Reply {}

    /** Takes the request and answers nothing until the server closes. */
    public record Silence() implements Reply {}

    /** Streams {@code before}, waits for {@code gate}, then breaks off with a line no client can parse. */
    public record Broken(List<String> before, CountDownLatch gate) implements Reply {}

    public static Reply answer(String... pieces) {
        return new Text(List.of(pieces), null, List.of(), false);
    }

    /** Writes {@code before}, then waits for the test to open {@code gate} before writing {@code after}. */
    public static Reply answerGated(List<String> before, CountDownLatch gate, List<String> after) {
        return new Text(before, gate, after, false);
    }

    /** Writes {@code before}, waits for {@code gate}, then writes more until the client goes away. */
    public static Reply answerUntilClosed(List<String> before, CountDownLatch gate) {
        return new Text(before, gate, List.of(), true);
    }

    public static Reply status(int code, String body) {
        return new Status(code, body);
    }

    /** A model that fails mid-answer: {@code before}, then, once {@code gate} opens, garbage. */
    public static Reply answerThenBreak(List<String> before, CountDownLatch gate) {
        return new Broken(before, gate);
    }

    public static Reply silence() {
        return new Silence();
    }

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor); // replies that wait must not hold up the others
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** What {@code llm.base-url} is set to: the API root with its version. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies for the next requests, in order. */
    public FakeOpenAiServer reply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A gated reply waited {@value #GATE_SECONDS} s and gave up: nothing opened its gate. */
    public boolean gateTimedOut() {
        return gateTimedOut.get();
    }

    /** A reply kept open until closed saw a write fail: the client closed the connection. */
    public boolean clientClosedStream() {
        return clientClosedStream.get();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Request request = new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            Reply reply = script.poll();
            if (reply == null) {
                respond(exchange, 500, "{\"error\":{\"message\":\"the test scripted no reply for this request\"}}");
            } else if (reply instanceof Status status) {
                respond(exchange, status.code(), status.body());
            } else if (reply instanceof Silence) {
                closing.await();
            } else if (reply instanceof Broken broken) {
                streamBroken(exchange, request, broken);
            } else if (request.streamed()) {
                stream(exchange, request, (Text) reply);
            } else {
                Text text = (Text) reply;
                List<String> pieces = new ArrayList<>(text.before());
                pieces.addAll(text.after());
                respond(exchange, 200, completion(request.model(), String.join("", pieces)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stream(HttpExchange exchange, Request request, Text reply) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : reply.before()) {
            event(out, chunk(request.model(), piece, null));
        }
        if (reply.gate() != null && !reply.gate().await(GATE_SECONDS, TimeUnit.SECONDS)) {
            gateTimedOut.set(true);
        }
        for (String piece : reply.after()) {
            event(out, chunk(request.model(), piece, null));
        }
        if (reply.untilClosed()) {
            try {
                for (int i = 0; i < MAX_FILLER_PIECES; i++) {
                    event(out, chunk(request.model(), " more", null));
                }
            } catch (IOException e) {
                clientClosedStream.set(true);
                return;
            }
        }
        event(out, chunk(request.model(), null, "stop"));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void streamBroken(HttpExchange exchange, Request request, Broken reply) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : reply.before()) {
            event(out, chunk(request.model(), piece, null));
        }
        if (!reply.gate().await(GATE_SECONDS, TimeUnit.SECONDS)) {
            gateTimedOut.set(true);
        }
        event(out, "{\"choices\": [ this is not JSON");
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String chunk(String model, String content, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode()
                .put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("created", 0).put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        choice.put("finish_reason", finishReason);
        return chunk.toString();
    }

    private static String completion(String model, String content) {
        ObjectNode completion = JSON.createObjectNode()
                .put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 0).put("model", model);
        ArrayNode choices = completion.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        completion.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        return completion.toString();
    }
}
