package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.agent.testutils.AnswerMarkers;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.ServedHandbook;
import dev.docflow.agent.testutils.NodeProject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible routes as an application sees them: the official {@code openai} npm client
 * ({@code src/test/openai-client/check.mjs}, pinned in its {@code package-lock.json}) lists the
 * models, asks a question plainly and streamed, and reports what it got; the service runs for real
 * against the shared stack (Elasticsearch, PostgreSQL, the real embedding model). Needs Node.js
 * and npm, and the npm registry for {@code npm ci}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiCompatibleIT {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KNOWLEDGE_BASE = HandbookFixture.KNOWLEDGE_BASE;
    private static final String QUESTION = "How much is reimbursed for a hotel night?";

    private ServedHandbook service;
    private HandbookFixture fixture;
    /** What check.mjs printed. */
    private JsonNode client;

    @BeforeAll
    void indexStartAndRunTheClient() throws Exception {
        // first, so a machine without Node fails in seconds, not after the stack has started
        NodeProject project = NodeProject.install("src/test/openai-client", Duration.ofMinutes(5));
        service = ServedHandbook.start("openai-it");
        fixture = service.fixture;

        NodeProject.Output output = project.run(Duration.ofMinutes(3), "node", "check.mjs",
                service.client.base().resolve("/v1").toString(), service.client.key(), KNOWLEDGE_BASE, QUESTION);
        assertThat(output.exitCode()).as("check.mjs failed:\n%s", output.stderr()).isZero();
        LOG.info("check.mjs printed {}", output.stdout().strip());
        client = JSON.readTree(output.stdout());
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theKnowledgeBasesAreTheModels() {
        JsonNode models = client.path("models");
        assertThat(models).hasSize(1);
        assertThat(models.get(0).path("id").asText()).isEqualTo(KNOWLEDGE_BASE);
        assertThat(models.get(0).path("object").asText()).isEqualTo("model");
        assertThat(models.get(0).path("owned_by").asText()).isEqualTo(fixture.tenant);
        assertThat(models.get(0).path("created").asLong()).isPositive();
    }

    @Test
    void theAnswerCarriesMarkersAndTheCitationsTheyReferTo() {
        JsonNode completion = client.path("completion");
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("id").asText()).startsWith("chatcmpl-");
        assertThat(completion.path("model").asText()).isEqualTo(KNOWLEDGE_BASE);
        assertThat(completion.path("role").asText()).isEqualTo("assistant");
        assertThat(completion.path("finishReason").asText()).isEqualTo("stop");
        assertThat(completion.path("usage").path("total_tokens").asInt()).isZero();
        String content = completion.path("content").asText();
        assertThat(content).contains("180 euros per night").contains("[1]");
        JsonNode first = completion.path("citations").get(0);
        assertThat(first.path("n").asInt()).isEqualTo(1);
        assertThat(first.path("fileName").asText()).isEqualTo("travel-policy.pdf");
        assertThat(first.path("documentId").asText()).isEqualTo(fixture.chunk(1).documentId());
        assertThat(first.path("page").asInt()).isEqualTo(3);
        assertThat(first.path("snippet").asText()).isEqualTo(fixture.chunk(1).text());
        assertThat(first.path("sourceUrl").asText()).startsWith("http");
        // the citations are the quoted passages, then the others retrieval ranked highest: every marker
        // is a citation, but not every citation is marked
        assertThat(AnswerMarkers.numbers(completion.path("citations"))).startsWith(1).isSorted()
                .containsAll(AnswerMarkers.markers(content));
    }

    @Test
    void theStreamedAnswerIsTheSameTextWithTheSameCitations() {
        JsonNode completion = client.path("completion");
        JsonNode stream = client.path("stream");
        assertThat(stream.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(stream.path("firstRole").asText()).isEqualTo("assistant");
        // the role chunk, at least one piece of text, the last chunk
        assertThat(stream.path("chunks").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(stream.path("finishReason").asText()).isEqualTo("stop");
        assertThat(stream.path("content").asText()).isEqualTo(completion.path("content").asText());
        assertThat(withoutLinks(stream.path("citations"))).isEqualTo(withoutLinks(completion.path("citations")));
    }

    @Test
    void theClientsOwnAccumulatorPutsTheCitationsOnTheMessage() {
        JsonNode accumulated = client.path("accumulated");
        assertThat(accumulated.path("content").asText()).isEqualTo(client.path("completion").path("content").asText());
        assertThat(withoutLinks(accumulated.path("citations")))
                .isEqualTo(withoutLinks(client.path("completion").path("citations")));
    }

    @Test
    void anUnknownModelIsNotFoundForTheClient() {
        for (String call : List.of("unknownModel", "unknownModelStreaming")) {
            JsonNode failure = client.path(call);
            assertThat(failure.path("status").asInt()).as(call).isEqualTo(404);
            assertThat(failure.path("code").asText()).as(call).isEqualTo("knowledge_base_not_found");
            assertThat(failure.path("message").asText()).as(call).contains(KNOWLEDGE_BASE + "-does-not-exist");
        }
    }

    @Test
    void aWrongKeyIsUnauthorizedForTheClient() {
        assertThat(client.path("wrongKey").path("status").asInt()).isEqualTo(401);
    }

    @Test
    void theStreamIsServerSentEventsEndingWithDone() throws Exception {
        HttpResponse<String> response = post("""
                {"model":"handbook","stream":true,"temperature":0.2,"max_tokens":50,
                 "messages":[{"role":"user","content":[{"type":"text","text":"How much is reimbursed for a hotel night?"}]}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<String> events = List.of(response.body().split("\n\n"));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        JsonNode first = JSON.readTree(events.get(0).substring("data: ".length()));
        assertThat(first.path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("choices").get(0).has("finish_reason")).isTrue();
        assertThat(first.path("choices").get(0).path("finish_reason").isNull()).isTrue();
        JsonNode last = JSON.readTree(events.get(events.size() - 2).substring("data: ".length()));
        assertThat(last.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.path("choices").get(0).path("delta").path("citations").get(0).path("fileName").asText())
                .isEqualTo("travel-policy.pdf");
    }

    @Test
    void malformedMessagesAreABadRequest() throws Exception {
        HttpResponse<String> response = post("""
                {"model":"handbook","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("message").asText()).contains("role \"user\"");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return service.client.post("/v1/chat/completions", body);
    }

    /** The citations without their links, which are signed afresh for each reply. */
    private static JsonNode withoutLinks(JsonNode citations) {
        JsonNode copy = citations.deepCopy();
        assertThat(copy.isArray() && !copy.isEmpty()).as("citations: %s", citations).isTrue();
        copy.forEach(citation -> {
            assertThat(citation.path("sourceUrl").asText()).startsWith("http");
            ((ObjectNode) citation).remove("sourceUrl");
        });
        return copy;
    }
}
