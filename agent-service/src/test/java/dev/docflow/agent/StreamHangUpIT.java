package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.agent.answer.AnswerProviderKind;
import dev.docflow.agent.http.AnswerStreaming;
import dev.docflow.agent.http.ErrorMapping;
import dev.docflow.agent.http.RequestMetrics;
import dev.docflow.agent.llm.LanguageModelSettings;
import dev.docflow.agent.testutils.CapturedLog;
import dev.docflow.agent.testutils.FakeOpenAiServer;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.ServedHandbook;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/chat} and {@code /v1/chat/completions} stream through one path, so a client that
 * hangs up is handled the same on both, also at the worst moment: while the service writes the
 * error event of an answer that failed (the language model broke off). Neither logs a failure nor
 * answers 500; both note at debug that the client had left. Real HTTP: a raw socket that resets
 * the connection, the service against the shared stack, an OpenAI-compatible server the test runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamHangUpIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeOpenAiServer model;
    private ServedHandbook service;

    @BeforeAll
    void start() throws Exception {
        model = new FakeOpenAiServer();
        LanguageModelSettings settings = new LanguageModelSettings(model.baseUrl(), "test-model", "sk-test", Duration.ofSeconds(20),
                LanguageModelSettings.DEFAULT_MAX_PASSAGE_CHARS, LanguageModelSettings.DEFAULT_MAX_HISTORY_TURNS);
        service = ServedHandbook.start("hang-up-it", config -> config.withAnswerProvider(AnswerProviderKind.LANGUAGE_MODEL, settings));
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/chat", "/v1/chat/completions"})
    void aClientThatLeavesWhileTheErrorEventIsWrittenIsNoFailureOfTheService(String route) throws Exception {
        CountDownLatch clientGone = new CountDownLatch(1);
        // the model writes the whole answer so far, waits until the client is gone, then breaks off
        model.reply(FakeOpenAiServer.answerThenBreak(List.of("Economy class ", "on short flights [1]", " and"), clientGone));

        try (CapturedLog failures = CapturedLog.of(ErrorMapping.class, Level.WARN);
                CapturedLog streaming = CapturedLog.of(AnswerStreaming.class, Level.DEBUG);
                CapturedLog requests = CapturedLog.of(RequestMetrics.class, Level.DEBUG)) {
            try (Socket socket = new Socket("127.0.0.1", service.client.base().getPort())) {
                send(socket, route, body(route));
                readUntilTheTextHolds(socket, route, " and");
                socket.setSoLinger(true, 0); // close with a reset: the service's next write fails at once
            }
            clientGone.countDown();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(requests.lines())
                    .as("the request was logged as finished").anyMatch(line -> line.message().contains("path=" + route + " ")));
            assertThat(streaming.lines()).as("the stream knew its client had left when the error event was written")
                    .anyMatch(line -> line.message().contains("failed (language_model_unavailable) after its client left")
                            && line.message().contains("path=" + route + " "));
            assertThat(failures.at(Level.ERROR)).as("no failure of the service was logged").isEmpty();
            assertThat(requests.lines()).filteredOn(line -> line.message().contains("path=" + route + " "))
                    .singleElement().satisfies(line -> assertThat(line.message()).contains("status=200"));
        }
        assertThat(model.gateTimedOut()).isFalse();
    }

    private String body(String route) {
        ObjectNode body = JSON.createObjectNode().put("stream", true);
        if (route.startsWith("/v1")) {
            body.put("model", HandbookFixture.KNOWLEDGE_BASE).putArray("messages").addObject()
                    .put("role", "user").put("content", "Which class do employees fly?");
        } else {
            body.put("knowledgeBase", HandbookFixture.KNOWLEDGE_BASE).put("message", "Which class do employees fly?");
        }
        return body.toString();
    }

    private void send(Socket socket, String route, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + service.client.key()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Reads the stream's events until their text holds {@code end}: all the model wrote before it waits. */
    private static void readUntilTheTextHolds(Socket socket, String route, String end) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        String line;
        while (!text.toString().endsWith(end) && (line = in.readLine()) != null) {
            if (!line.startsWith("data: {")) {
                continue; // the status line, headers, chunk sizes, event names
            }
            JsonNode data = JSON.readTree(line.substring("data: ".length()));
            text.append(route.startsWith("/v1") ? data.path("choices").path(0).path("delta").path("content").asText("")
                    : data.path("text").asText(""));
        }
        assertThat(text.toString()).as("the answer so far arrived").endsWith(end);
    }
}
