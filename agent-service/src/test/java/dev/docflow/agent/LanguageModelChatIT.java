package dev.docflow.agent;

import static dev.docflow.agent.testutils.FakeOpenAiServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.agent.answer.AnswerProviderKind;
import dev.docflow.agent.llm.LanguageModelSettings;
import dev.docflow.agent.http.ErrorMapping;
import dev.docflow.agent.testutils.CapturedLog;
import dev.docflow.agent.testutils.FakeOpenAiServer;
import dev.docflow.agent.testutils.ApiClient;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.ServedHandbook;
import java.io.BufferedReader;
import org.apache.logging.log4j.Level;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service with {@code answer.provider=language-model}, over real HTTP, against the shared stack
 * and an OpenAI-compatible server the test runs (real HTTP, scripted replies): what the model
 * writes is checked against the passages it was sent, follow-ups are rewritten by it before
 * retrieval, and a client that hangs up stops the model's stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageModelChatIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KNOWLEDGE_BASE = HandbookFixture.KNOWLEDGE_BASE;

    private FakeOpenAiServer model;
    private ServedHandbook service;
    private ApiClient client;

    @BeforeAll
    void indexChunksAndStartTheService() throws Exception {
        model = new FakeOpenAiServer();
        LanguageModelSettings settings = new LanguageModelSettings(model.baseUrl(), "test-model", "sk-test", Duration.ofSeconds(20),
                LanguageModelSettings.DEFAULT_MAX_PASSAGE_CHARS, LanguageModelSettings.DEFAULT_MAX_HISTORY_TURNS);
        service = ServedHandbook.start("llm-chat-it", config -> config.withAnswerProvider(AnswerProviderKind.LANGUAGE_MODEL, settings));
        client = service.client;
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

    @Test
    void aCitationOfAPassageTheModelWasNotGivenIsRemovedAndReported() throws Exception {
        int before = model.requests().size();
        model.reply(answer("Hotel nights are reimbursed up to 180 euros in capital cities [1]", " and taxis always [7]."));

        JsonNode reply = JSON.readTree(post(chat("How much is reimbursed for a hotel night?")).body());

        assertThat(reply.path("answer").asText())
                .isEqualTo("Hotel nights are reimbursed up to 180 euros in capital cities [1] and taxis always.");
        assertThat(reply.path("warnings").toString()).contains("removed citation [7]");
        assertThat(reply.path("citations")).hasSize(1);
        JsonNode citation = reply.path("citations").get(0);
        assertThat(citation.path("n").asInt()).isEqualTo(1);
        assertThat(citation.path("sourceUrl").asText()).contains("X-Amz-Signature=");
        // [1] is the first passage the model was shown
        String prompt = model.requests().get(before).lastMessage();
        assertThat(prompt).contains("[1] " + citation.path("fileName").asText());
        assertThat(prompt.indexOf(citation.path("snippet").asText())).isLessThan(prompt.indexOf("[2] "));
    }

    @Test
    void aFollowUpIsRewrittenByTheModelBeforeRetrieval() throws Exception {
        int before = model.requests().size();
        model.reply(answer("At the IT service desk on the second floor [1]."));
        JsonNode first = JSON.readTree(post(chat("Where do new employees collect their laptop?")).body());
        String conversationId = first.path("conversationId").asText();
        model.reply(answer("At what time do new employees collect their laptop on their first day?"),
                answer("At 9 am on their first day [1]."));

        JsonNode followUp = JSON.readTree(post(chat("At what time?").put("conversationId", conversationId)).body());

        List<FakeOpenAiServer.Request> requests = model.requests().subList(before, model.requests().size());
        assertThat(requests).hasSize(3);
        FakeOpenAiServer.Request rewrite = requests.get(1);
        assertThat(rewrite.streamed()).isFalse();
        assertThat(String.join("\n", rewrite.messages()))
                .contains("Where do new employees collect their laptop?")
                .contains("At the IT service desk on the second floor [1].")
                .contains("At what time?");
        assertThat(requests.get(2).lastMessage()).contains("At what time do new employees collect their laptop on their first day?");
        assertThat(followUp.path("answer").asText()).isEqualTo("At 9 am on their first day [1].");
        assertThat(followUp.path("citations").get(0).path("fileName").asText()).isEqualTo("onboarding.md");
        assertThat(followUp.path("conversationId").asText()).isEqualTo(conversationId);
    }

    @Test
    void aClientThatHangsUpStopsTheModelAndNothingIsStored() throws Exception {
        int conversations = conversationCount();
        CountDownLatch hungUp = new CountDownLatch(1);
        model.reply(FakeOpenAiServer.answerUntilClosed(List.of("Passwords need ", "14 characters [1]", " at least"), hungUp));

        try (Socket socket = new Socket("127.0.0.1", client.base().getPort())) {
            byte[] body = chat("How long must passwords be?").put("stream", true).toString().getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + client.key()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("event: delta")) {
                // the status line, headers and the citations event
            }
            assertThat(line).as("a first delta arrived").isEqualTo("event: delta");
        }
        hungUp.countDown();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(model.clientClosedStream()).as("the service closed the model's stream").isTrue());
        assertThat(model.gateTimedOut()).isFalse();
        assertThat(conversationCount()).isEqualTo(conversations);
    }

    @Test
    void aModelThatBreaksOffMidAnswerEndsTheStreamWithAnErrorEvent() throws Exception {
        int conversations = conversationCount();
        CountDownLatch deltaSeen = new CountDownLatch(1);
        model.reply(FakeOpenAiServer.answerThenBreak(List.of("Economy class ", "on short flights [1]", " and"), deltaSeen));

        List<String> events = new ArrayList<>();
        try (Stream<String> lines = client.postForLines("/api/chat", chat("Which class do employees fly?").put("stream", true))) {
            lines.filter(line -> line.startsWith("event: ") || line.startsWith("data: ")).forEach(line -> {
                events.add(line);
                if (line.equals("event: delta")) {
                    deltaSeen.countDown();
                }
            });
        }

        assertThat(events.get(0)).isEqualTo("event: citations");
        assertThat(events).contains("event: delta");
        assertThat(events.get(events.size() - 2)).isEqualTo("event: error");
        JsonNode error = JSON.readTree(events.get(events.size() - 1).substring("data: ".length())).path("error");
        assertThat(error.path("code").asText()).isEqualTo("language_model_unavailable");
        assertThat(error.path("message").asText()).isEqualTo("The language model failed; try again later");
        assertThat(error.path("requestId").asText()).isNotEmpty();
        assertThat(events.get(events.size() - 1)).doesNotContain("test-model").doesNotContain(model.baseUrl())
                .doesNotContain("sk-test").doesNotContain("Unrecognized token");
        assertThat(events).doesNotContain("event: done");
        assertThat(model.gateTimedOut()).isFalse();
        assertThat(conversationCount()).isEqualTo(conversations);
    }

    @Test
    void aModelThatFailsIsA502ThatNamesNoInternalDetailWhichGoesToTheLogUnderTheRequestId() throws Exception {
        model.reply(FakeOpenAiServer.status(500, "{\"error\":{\"message\":\"overloaded\"}}"));

        HttpResponse<String> response;
        List<CapturedLog.Line> logged;
        try (CapturedLog log = CapturedLog.of(ErrorMapping.class, Level.WARN)) {
            response = post(chat("Which class do employees fly?"));
            logged = log.lines();
        }

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("language_model_unavailable");
        assertThat(error.path("message").asText()).isEqualTo("The language model answered HTTP 500; try again later");
        assertThat(response.body()).doesNotContain(model.baseUrl()).doesNotContain("127.0.0.1").doesNotContain("test-model")
                .doesNotContain("sk-test").doesNotContain("overloaded");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(error.path("requestId").asText()).isEqualTo(requestId);
        assertThat(logged).anySatisfy(line -> assertThat(line.text())
                .contains("requestId=" + requestId).contains(model.baseUrl()).contains("test-model").doesNotContain("sk-test"));
    }

    @Test
    void aLongConversationReachesTheModelCutToTheHistoryBudgetNewestFirst() throws Exception {
        String firstAnswer = ("Passwords need at least 14 characters [1]. " + "First answer detail. ".repeat(240)).strip();
        String secondAnswer = ("Remote access to the VPN needs multi-factor authentication [1]. "
                + "Second answer detail. ".repeat(230)).strip();
        model.reply(answer(firstAnswer));
        String conversationId = JSON.readTree(post(chat("How long must passwords be?")).body()).path("conversationId").asText();
        model.reply(answer("Is multi-factor authentication needed for remote access to the VPN?"), answer(secondAnswer));
        post(chat("And for the VPN?").put("conversationId", conversationId));
        int before = model.requests().size();
        model.reply(answer("Where do new employees collect their laptop on their first day?"), answer("At the IT service desk [1]."));

        HttpResponse<String> third = post(chat("And the laptop?").put("conversationId", conversationId));

        assertThat(third.statusCode()).as(third.body()).isEqualTo(200);
        List<String> prompt = model.requests().get(before + 1).messages();
        List<String> history = prompt.subList(1, prompt.size() - 1); // between the instructions and the passages
        int historyChars = history.stream().mapToInt(message -> message.substring(message.indexOf(": ") + 2).length()).sum();
        assertThat(firstAnswer.length() + secondAnswer.length()).as("the conversation is over the budget")
                .isGreaterThan(LanguageModelSettings.DEFAULT_MAX_HISTORY_CHARS);
        assertThat(historyChars).isLessThanOrEqualTo(LanguageModelSettings.DEFAULT_MAX_HISTORY_CHARS);
        assertThat(history.get(history.size() - 1)).isEqualTo("assistant: " + secondAnswer);
        assertThat(history.get(history.size() - 2)).isEqualTo("user: And for the VPN?");
        assertThat(String.join("\n", history)).doesNotContain("How long must passwords be?");
    }

    private int conversationCount() throws Exception {
        HttpResponse<String> response = client.get("/api/conversations?knowledgeBase=" + KNOWLEDGE_BASE);
        return JSON.readTree(response.body()).path("conversations").size();
    }

    private static ObjectNode chat(String message) {
        return JSON.createObjectNode().put("knowledgeBase", KNOWLEDGE_BASE).put("message", message);
    }
    private HttpResponse<String> post(ObjectNode body) throws Exception {
        return client.post("/api/chat", body);
    }
}
