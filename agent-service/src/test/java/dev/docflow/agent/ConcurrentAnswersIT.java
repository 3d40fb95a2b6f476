package dev.docflow.agent;

import static dev.docflow.agent.testutils.FakeOpenAiServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.agent.answer.AnswerProviderKind;
import dev.docflow.agent.llm.LanguageModelSettings;
import dev.docflow.agent.testutils.ApiClient;
import dev.docflow.agent.testutils.FakeOpenAiServer;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.ServedHandbook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant cannot occupy the service: it has at most {@code chat.max-concurrent-answers-per-tenant}
 * answers in progress, and every one more is told at once (429, {@code Retry-After}) instead of
 * holding a request thread; meanwhile another tenant's chat and {@code /health} answer. Every answer
 * also ends by {@code chat.answer-deadline-seconds}, whatever the language model does. Real HTTP to
 * the service on 127.0.0.1, against the shared stack and an OpenAI-compatible server the test runs,
 * whose replies are held open until the test lets them finish.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentAnswersIT {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentAnswersIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SLOTS = 4;
    private static final int FLOOD = 300;
    /** Far beyond what any of these requests needs; the test fails rather than hang. */
    private static final Duration GENEROUS = Duration.ofSeconds(90);

    private FakeOpenAiServer model;
    private ServedHandbook service;
    private ServedHandbook hurried;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final ExecutorService readers = Executors.newFixedThreadPool(SLOTS + 2);

    @BeforeAll
    void start() throws Exception {
        model = new FakeOpenAiServer();
        LanguageModelSettings settings = new LanguageModelSettings(model.baseUrl(), "test-model", "", Duration.ofSeconds(20),
                LanguageModelSettings.DEFAULT_MAX_PASSAGE_CHARS, LanguageModelSettings.DEFAULT_MAX_HISTORY_TURNS);
        service = ServedHandbook.start("flood-it", config -> config
                .withAnswerProvider(AnswerProviderKind.LANGUAGE_MODEL, settings)
                .withLimits(ServiceLimits.DEFAULTS.withMaxConcurrentAnswersPerTenant(SLOTS)));
        hurried = ServedHandbook.start("deadline-it", config -> config
                .withAnswerProvider(AnswerProviderKind.LANGUAGE_MODEL, settings)
                .withLimits(ServiceLimits.DEFAULTS.withMaxConcurrentAnswersPerTenant(1).withAnswerDeadline(Duration.ofSeconds(2))));
    }

    @AfterAll
    void stop() throws Exception {
        readers.shutdownNow();
        for (AutoCloseable closeable : new AutoCloseable[] {service, hurried, model}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void hundredsOfStreamsFromOneTenantHoldOnlyItsSlotsWhileAnotherTenantAndHealthAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < SLOTS; i++) {
            model.reply(FakeOpenAiServer.answerGated(List.of("Passwords need 14 characters [1]"), release, List.of(" at least.")));
        }
        model.reply(answer("The coolant must stay below 340 degrees Celsius [1]."));
        CountDownLatch holding = new CountDownLatch(SLOTS);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();

        long floodStarted = System.nanoTime();
        List<CompletableFuture<Void>> flood = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            flood.add(http.sendAsync(stream(service.client), HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response -> {
                statuses.merge(response.statusCode(), 1, Integer::sum);
                try (Stream<String> lines = response.body()) {
                    if (response.statusCode() == 200) {
                        List<String> events = new ArrayList<>();
                        lines.forEach(line -> {
                            events.add(line);
                            if (line.equals("event: delta") && events.stream().filter("event: delta"::equals).count() == 1) {
                                holding.countDown();
                            }
                        });
                        if (!events.contains("event: done")) {
                            unexpected.add("a stream without done: " + events);
                        }
                    } else {
                        String body = lines.collect(Collectors.joining("\n"));
                        if (response.statusCode() != 429 || !response.headers().firstValue("Retry-After").orElse("").equals("1")
                                || !code(body).equals("too_many_concurrent_answers")) {
                            unexpected.add(response.statusCode() + " " + response.headers().map() + " " + body);
                        }
                    }
                }
            }, readers));
        }

        assertThat(holding.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("%s streams hold their answers", SLOTS).isTrue();
        long otherStarted = System.nanoTime();
        HttpResponse<String> other = service.clientOf(service.fixture.otherTenant).post("/api/chat", JSON.createObjectNode()
                .put("knowledgeBase", HandbookFixture.OTHER_KNOWLEDGE_BASE)
                .put("message", "What temperature must the reactor coolant stay below during calibration?"));
        long otherMillis = millisSince(otherStarted);
        long healthStarted = System.nanoTime();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(service.client.base().resolve("/health"))
                .timeout(GENEROUS).build(), HttpResponse.BodyHandlers.ofString());
        long healthMillis = millisSince(healthStarted);

        CompletableFuture<Void> rejected = CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new));
        // the flood's rejections all arrive while its answers are held: none waits for a slot
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(20))
                .until(() -> statuses.getOrDefault(429, 0) + unexpected.size() >= FLOOD - SLOTS);
        long rejectedMillis = millisSince(floodStarted);
        release.countDown();
        rejected.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        long floodMillis = millisSince(floodStarted);

        assertThat(unexpected).isEmpty();
        assertThat(new TreeMap<>(statuses)).isEqualTo(Map.of(200, SLOTS, 429, FLOOD - SLOTS));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(JSON.readTree(other.body()).path("answer").asText()).contains("340 degrees");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(model.gateTimedOut()).as("the held answers were held until released").isFalse();
        LOG.info("RESULT flood_streams={} admitted={} rejected_429={} all_rejected_ms={} flood_done_ms={}"
                        + " other_tenant_chat_ms={} health_ms={}",
                FLOOD, statuses.get(200), statuses.get(429), rejectedMillis, floodMillis, otherMillis, healthMillis);
    }

    @Test
    void aModelThatNeverAnswersIsCutOffAtTheAnswerDeadlineAndItsSlotIsFreed() throws Exception {
        model.reply(FakeOpenAiServer.silence());
        long started = System.nanoTime();
        HttpResponse<String> plain = hurried.client.post("/api/chat", question(false));
        long plainMillis = millisSince(started);

        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(504);
        assertThat(code(plain.body())).isEqualTo("answer_deadline_exceeded");
        // the model's own timeout is 20 s: the 2 s deadline ended it, not the model's
        assertThat(plainMillis).isLessThan(15_000);

        CountDownLatch never = new CountDownLatch(1);
        model.reply(FakeOpenAiServer.answerGated(List.of("Economy class on short flights [1]"), never, List.of(" only.")));
        started = System.nanoTime();
        List<String> events;
        try (Stream<String> lines = hurried.client.postForLines("/api/chat", question(true))) {
            events = lines.filter(line -> line.startsWith("event: ") || line.startsWith("data: ")).toList();
        }
        long streamMillis = millisSince(started);
        never.countDown();

        assertThat(events).contains("event: delta").doesNotContain("event: done");
        assertThat(events.get(events.size() - 2)).isEqualTo("event: error");
        assertThat(code(events.get(events.size() - 1).substring("data: ".length()))).isEqualTo("answer_deadline_exceeded");
        assertThat(streamMillis).isLessThan(15_000);

        // with one slot a tenant, the next answer is admitted: the two cut off gave theirs back
        model.reply(answer("Economy class on flights shorter than six hours [1]."));
        HttpResponse<String> next = hurried.client.post("/api/chat", question(false));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        LOG.info("RESULT deadline_s=2 plain_cut_off_ms={} stream_cut_off_ms={}", plainMillis, streamMillis);
    }

    private static ObjectNode question(boolean stream) {
        return JSON.createObjectNode().put("knowledgeBase", HandbookFixture.KNOWLEDGE_BASE)
                .put("message", "Which class do employees fly?").put("stream", stream);
    }

    private static HttpRequest stream(ApiClient client) {
        String body = JSON.createObjectNode().put("knowledgeBase", HandbookFixture.KNOWLEDGE_BASE)
                .put("message", "How long must passwords be?").put("stream", true).toString();
        return HttpRequest.newBuilder(client.base().resolve(URI.create("/api/chat")))
                .header("Authorization", "Bearer " + client.key()).header("Content-Type", "application/json")
                .timeout(GENEROUS).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String code(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.path("code").asText();
        } catch (Exception e) {
            return "unreadable: " + body;
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
