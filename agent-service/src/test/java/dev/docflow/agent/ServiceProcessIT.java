package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.auth.ApiKeys;
import dev.docflow.agent.testutils.FakeOpenAiServer;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.StackAgentConfig;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service as operators run it: {@code Main} in a JVM of its own, configured by {@code DOCFLOW_*}
 * variables only, with {@code logging.format=json}, against the shared stack and an OpenAI-compatible
 * model server this test holds (so an answer can be kept in flight). Its log lines are JSON objects
 * carrying the request's id, and SIGTERM stops it gracefully: {@code /ready} says 503 at once while
 * a stream already answering runs to its {@code done}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GENEROUS = Duration.ofSeconds(120);
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private FakeOpenAiServer model;
    private Database database;
    private HandbookFixture fixture;
    private Process process;
    private Path log;
    private URI base;
    private String key;

    @BeforeAll
    void start() throws Exception {
        StackEndpoints stack = SharedStack.get();
        model = new FakeOpenAiServer();
        Database.migrate(StackAgentConfig.database(stack));
        database = Database.open(StackAgentConfig.database(stack));
        fixture = HandbookFixture.create(stack, database, EmbeddingModelChoice.DEFAULT.load(),
                "process-it-" + UUID.randomUUID().toString().substring(0, 8));
        key = new ApiKeys(database.apiKeys()).issue(fixture.tenant, "process-it");
        Path dir = Files.createDirectories(Path.of("target", "service-process-it"));
        log = dir.resolve("stderr.log");
        Path out = dir.resolve("stdout.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                // the service's own log configuration, not the tests' (log4j2-test.xml is on this class path)
                "-Dlog4j2.configurationFile=log4j2.xml", "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectError(log.toFile()).redirectOutput(out.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("DOCFLOW_"));
        env.putAll(Map.of("DOCFLOW_HTTP_PORT", "0", "DOCFLOW_LOGGING_FORMAT", "json", "DOCFLOW_SHUTDOWN_GRACE_SECONDS", "60",
                "DOCFLOW_ELASTICSEARCH_URL", stack.elasticsearchUrl(), "DOCFLOW_ELASTICSEARCH_ALIAS", fixture.elasticsearch.indexAlias(),
                "DOCFLOW_DATABASE_URL", stack.jdbcUrl(), "DOCFLOW_DATABASE_USER", stack.databaseUser(),
                "DOCFLOW_DATABASE_PASSWORD", stack.databasePassword()));
        env.putAll(Map.of("DOCFLOW_S3_ENDPOINT", stack.s3Endpoint(), "DOCFLOW_S3_ACCESS_KEY", stack.s3AccessKey(),
                "DOCFLOW_S3_SECRET_KEY", stack.s3SecretKey(), "DOCFLOW_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                "DOCFLOW_ANSWER_PROVIDER", "language-model", "DOCFLOW_LLM_BASE_URL", model.baseUrl(),
                "DOCFLOW_LLM_MODEL", "test-model"));
        process = builder.start();
        int port = await().atMost(GENEROUS).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("the service runs; its log: %s", tail(log)).isTrue();
            Matcher matcher = LISTENING.matcher(Files.readString(out));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        }, found -> found > 0);
        base = URI.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (fixture != null) {
            fixture.dropIndex();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {database, model}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void inJsonModeEveryLogLineOfARequestIsAnObjectCarryingItsId() throws Exception {
        String streamed = "json-stream-" + UUID.randomUUID();
        String failing = "json-failing-" + UUID.randomUUID();
        model.reply(FakeOpenAiServer.answer("Passwords need 14 characters [1]."), FakeOpenAiServer.status(500, "{\"error\":\"down\"}"));

        List<String> events;
        try (Stream<String> lines = http.send(chat(streamed), HttpResponse.BodyHandlers.ofLines()).body()) {
            events = lines.toList();
        }
        HttpResponse<String> refused = http.send(chat(failing), HttpResponse.BodyHandlers.ofString());

        assertThat(events).contains("event: done");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.headers().firstValue("X-Request-Id")).contains(failing);
        // the answer was written on the stream's request thread: its chat line carries the request's id
        JsonNode chatLine = await().atMost(Duration.ofSeconds(10)).until(() -> logLine(streamed, "chat tenant="), Optional::isPresent)
                .orElseThrow();
        assertThat(chatLine.path("level").asText()).isEqualTo("INFO");
        assertThat(chatLine.path("logger").asText()).isEqualTo("dev.docflow.agent.chat.ChatService");
        assertThat(chatLine.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(chatLine.path("exception").isMissingNode()).as("no exception, no field").isTrue();
        JsonNode failure = await().atMost(Duration.ofSeconds(10))
                .until(() -> logLine(failing, "language model failed"), Optional::isPresent).orElseThrow();
        assertThat(failure.path("level").asText()).isEqualTo("WARN");
        assertThat(failure.path("exception").path("class").asText()).isNotBlank();
        assertThat(failure.path("exception").path("stackTrace").asText()).contains("\tat ");
        // every line the service wrote is one JSON object
        for (String line : Files.readAllLines(log)) {
            assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
        }
    }

    @Test
    @Order(2)
    void sigtermTurnsReadinessOffAndLetsAStreamInFlightFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        model.reply(FakeOpenAiServer.answerGated(List.of("Passwords need 14 characters [1]"), release, List.of(" at least.")));
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch answering = new CountDownLatch(1);
        CompletableFuture<Void> stream = http.sendAsync(chat("shutdown-" + UUID.randomUUID()), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> {
                    events.add(line);
                    if (line.equals("event: delta")) {
                        answering.countDown();
                    }
                }));
        assertThat(answering.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the answer has begun").isTrue();

        process.destroy(); // SIGTERM
        HttpResponse<String> ready = await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.send(HttpRequest.newBuilder(base.resolve("/ready")).build(), HttpResponse.BodyHandlers.ofString()),
                        response -> response.statusCode() == 503);
        assertThat(JSON.readTree(ready.body()).path("status").asText()).isEqualTo("stopping");
        assertThat(events).as("the stream is still open while the service drains").doesNotContain("event: done");
        assertThat(process.isAlive()).isTrue();

        release.countDown();
        stream.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);

        assertThat(events).contains("event: done");
        assertThat(String.join("\n", events)).contains("at least.");
        assertThat(model.gateTimedOut()).as("the answer was held until released").isFalse();
        assertThat(process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the service exits").isTrue();
        assertThat(Files.readString(log)).contains("agent service stopped drained=true cutOff=0 outboxFlushed=true");
    }

    private HttpRequest chat(String requestId) {
        String body = JSON.createObjectNode().put("knowledgeBase", HandbookFixture.KNOWLEDGE_BASE)
                .put("message", "How long must passwords be?").put("stream", requestId.startsWith("json-failing") ? false : true)
                .toString();
        return HttpRequest.newBuilder(base.resolve("/api/chat")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").header("X-Request-Id", requestId).timeout(GENEROUS)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The first JSON log line of request {@code requestId} whose message starts with {@code prefix}. */
    private Optional<JsonNode> logLine(String requestId, String prefix) throws IOException {
        for (String line : Files.readAllLines(log)) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                continue; // the line being written as we read
            }
            if (requestId.equals(node.path("requestId").asText()) && node.path("message").asText().startsWith(prefix)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
