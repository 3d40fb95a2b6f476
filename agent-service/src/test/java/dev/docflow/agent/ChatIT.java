package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.agent.testutils.AnswerMarkers;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.ServedHandbook;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service end to end over HTTP, against a real Elasticsearch and PostgreSQL and the real
 * embedding model (the shared embedded stack of {@code docflow-localstack}): two tenants' chunks are
 * indexed the way the ingestion job indexes them ({@link HandbookFixture}), then questions are asked
 * through {@code POST /api/chat}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KNOWLEDGE_BASE = HandbookFixture.KNOWLEDGE_BASE;
    private static final String OTHER_KNOWLEDGE_BASE = HandbookFixture.OTHER_KNOWLEDGE_BASE;

    private ServedHandbook service;
    private HandbookFixture fixture;

    @BeforeAll
    void indexChunksAndStartTheService() throws Exception {
        service = ServedHandbook.start("chat-it");
        fixture = service.fixture;
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void citesThePageThatHoldsTheAnswer() throws Exception {
        HttpResponse<String> response = chat(KNOWLEDGE_BASE, "How much is reimbursed for a hotel night?");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        HandbookFixture.Chunk hotels = fixture.chunk(1);
        assertThat(body.path("knowledgeBase").asText()).isEqualTo(KNOWLEDGE_BASE);
        assertThat(body.path("answer").asText()).contains("180 euros per night").contains("[1]");
        JsonNode first = body.path("citations").get(0);
        assertThat(first.path("n").asInt()).isEqualTo(1);
        assertThat(first.path("documentId").asText()).isEqualTo(hotels.documentId());
        assertThat(first.path("fileName").asText()).isEqualTo("travel-policy.pdf");
        assertThat(first.path("page").asInt()).isEqualTo(3);
        assertThat(first.path("pageEnd").asInt()).isEqualTo(3);
        assertThat(first.path("headingPath").asText()).isEqualTo("Travel Policy › Hotels");
        assertThat(first.path("snippet").asText()).isEqualTo(hotels.text());
        assertThat(first.path("score").asDouble()).isPositive();
        // the citations are the quoted passages, then the others retrieval ranked highest: every marker
        // is a citation, but not every citation is marked
        assertThat(AnswerMarkers.numbers(body.path("citations"))).startsWith(1).isSorted()
                .containsAll(AnswerMarkers.markers(body.path("answer").asText()));
    }

    @Test
    void findsAParaphraseAndLeavesOutThePageOfAPagelessFormat() throws Exception {
        JsonNode body = JSON.readTree(chat(KNOWLEDGE_BASE, "Where do new starters pick up their computer?").body());

        assertThat(body.path("answer").asText()).contains("laptop");
        JsonNode first = body.path("citations").get(0);
        assertThat(first.path("fileName").asText()).isEqualTo("onboarding.md");
        assertThat(first.has("page")).isFalse();
        assertThat(first.path("snippet").asText()).isEqualTo(fixture.chunk(3).text());
    }

    @Test
    void saysSoWhenTheKnowledgeBaseDoesNotHoldTheAnswer() throws Exception {
        HttpResponse<String> response = chat(KNOWLEDGE_BASE, "What is the boiling point of mercury?");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("answer").asText())
                .isEqualTo("I could not find an answer to that in the knowledge base \"handbook\".");
        assertThat(body.path("citations")).isEmpty();
    }

    @Test
    void neverCitesADocumentBeingDeleted() throws Exception {
        JsonNode body = JSON.readTree(chat(KNOWLEDGE_BASE, "How much does a parking permit cost?").body());

        for (JsonNode citation : body.path("citations")) {
            assertThat(citation.path("fileName").asText()).isNotEqualTo("retired-parking-policy.pdf");
        }
        assertThat(body.path("answer").asText()).doesNotContain("45 euros");
    }

    @Test
    void neverAnswersFromAnotherTenantsChunks() throws Exception {
        // the answer is in the other tenant's knowledge base, word for word
        JsonNode body = JSON.readTree(chat(KNOWLEDGE_BASE, "Below what temperature must the reactor coolant stay during calibration?").body());

        assertThat(body.path("citations")).isEmpty();
        assertThat(body.path("answer").asText()).startsWith("I could not find an answer");
    }

    @Test
    void anotherTenantsKnowledgeBaseIsNotFound() throws Exception {
        HttpResponse<String> response = chat(OTHER_KNOWLEDGE_BASE, "What temperature must the reactor coolant stay below?");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("knowledge_base_not_found");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/api/chat", "{\"knowledgeBase\": \"handbook\", \"message\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_json");
        assertThat(error.path("message").asText()).startsWith("The body is not valid JSON");
    }

    @Test
    void aMissingMessageIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/api/chat", "{\"knowledgeBase\": \"handbook\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("message").asText()).contains("\"message\" is required");
    }

    @Test
    void healthAndUnknownRoutes() throws Exception {
        HttpResponse<String> health = service.client.withKey("").get("/health");
        HttpResponse<String> unknown = service.client.get("/api/nothing");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void bothChatRoutesRefuseAnOverlongQuestionWithTheSameCode() throws Exception {
        String question = "Which class? ".repeat(400); // 5,200 characters, over chat.max-message-chars

        HttpResponse<String> api = chat(KNOWLEDGE_BASE, question);
        ObjectNode completion = JSON.createObjectNode().put("model", KNOWLEDGE_BASE);
        completion.putArray("messages").addObject().put("role", "user").put("content", question);
        HttpResponse<String> v1 = service.client.post("/v1/chat/completions", completion);

        for (HttpResponse<String> response : java.util.List.of(api, v1)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("message_too_long");
        }
    }

    @Test
    void theOpenAiRouteBoundsItsHistoryInTotalNotMessageByMessage() throws Exception {
        ObjectNode completion = JSON.createObjectNode().put("model", KNOWLEDGE_BASE);
        var messages = completion.putArray("messages");
        // 120 earlier messages would be over the count; 99 of 3,000 characters each are under it, but 297,000 in all
        for (int i = 0; i < 99; i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", "x".repeat(3_000));
        }
        messages.addObject().put("role", "user").put("content", "Which class do employees fly?");

        HttpResponse<String> response = service.client.post("/v1/chat/completions", completion);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("history_too_long");
        assertThat(error.path("message").asText()).contains("297000 characters").contains("chat.max-history-chars");
    }

    private HttpResponse<String> chat(String knowledgeBase, String message) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("knowledgeBase", knowledgeBase).put("message", message);
        return post("/api/chat", request.toString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return service.client.post(path, body);
    }
}
