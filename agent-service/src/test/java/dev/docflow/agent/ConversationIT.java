package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.agent.testutils.ApiClient;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.ServedHandbook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Streaming answers, stored conversations and links to cited files, over real HTTP against the
 * shared stack (Elasticsearch, PostgreSQL, the S3 server) and the real embedding model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KNOWLEDGE_BASE = HandbookFixture.KNOWLEDGE_BASE;

    private record Event(String name, JsonNode data) {}

    private ServedHandbook service;
    private HandbookFixture fixture;
    private ApiClient client;
    private ApiClient otherTenant;

    @BeforeAll
    void indexChunksAndStartTheService() throws Exception {
        service = ServedHandbook.start("conversation-it");
        fixture = service.fixture;
        service.database.knowledgeBases().ensure(fixture.tenant, "guides");
        client = service.client;
        otherTenant = service.clientOf(fixture.otherTenant);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aStreamSendsCitationsThenTheTextThenDoneWithTheStoredMessage() throws Exception {
        String question = "How much is reimbursed for a hotel night?";
        HttpResponse<String> response = client.post("/api/chat", chat(question).put("stream", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<Event> events = events(response.body());
        assertThat(events.get(0).name()).isEqualTo("citations");
        assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
        List<Event> deltas = events.subList(1, events.size() - 1);
        assertThat(deltas).isNotEmpty().allSatisfy(event -> assertThat(event.name()).isEqualTo("delta"));
        String streamed = String.join("", deltas.stream().map(event -> event.data().path("text").asText()).toList());

        JsonNode plain = JSON.readTree(client.post("/api/chat", chat(question)).body());
        assertThat(streamed).isEqualTo(plain.path("answer").asText()).contains("180 euros per night").contains("[1]");
        JsonNode sent = events.get(0).data().path("citations");
        assertThat(sent.get(0).path("fileName").asText()).isEqualTo("travel-policy.pdf");
        assertThat(sent.get(0).path("snippet").asText()).isEqualTo(plain.path("citations").get(0).path("snippet").asText());
        JsonNode done = events.get(events.size() - 1).data();
        UUID conversationId = UUID.fromString(done.path("conversationId").asText());
        UUID messageId = UUID.fromString(done.path("messageId").asText());

        JsonNode stored = JSON.readTree(client.get("/api/conversations/" + conversationId).body());
        assertThat(stored.path("messages")).hasSize(2);
        assertThat(stored.path("messages").get(1).path("id").asText()).isEqualTo(messageId.toString());
        assertThat(stored.path("messages").get(1).path("text").asText()).isEqualTo(streamed);
    }

    @Test
    void aStreamForAnUnknownKnowledgeBaseIsAPlain404() throws Exception {
        HttpResponse<String> response = client.post("/api/chat",
                JSON.createObjectNode().put("knowledgeBase", "nope").put("message", "Hello?").put("stream", true));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("knowledge_base_not_found");
    }

    @Test
    void aFollowUpIsAnsweredWithTheConversationsContext() throws Exception {
        JsonNode first = JSON.readTree(client.post("/api/chat", chat("Where do new employees collect their laptop?")).body());
        assertThat(first.path("citations").get(0).path("fileName").asText()).isEqualTo("onboarding.md");
        String conversationId = first.path("conversationId").asText();

        JsonNode followUp = JSON.readTree(client.post("/api/chat",
                chat("At what time?").put("conversationId", conversationId)).body());

        assertThat(followUp.path("conversationId").asText()).isEqualTo(conversationId);
        assertThat(followUp.path("citations").get(0).path("fileName").asText()).isEqualTo("onboarding.md");
        assertThat(followUp.path("answer").asText()).contains("9 am");
        JsonNode stored = JSON.readTree(client.get("/api/conversations/" + conversationId).body());
        assertThat(stored.path("title").asText()).isEqualTo("Where do new employees collect their laptop?");
        assertThat(stored.path("messages")).extracting(message -> message.path("role").asText())
                .containsExactly("user", "assistant", "user", "assistant");
        assertThat(stored.path("messages").get(2).path("text").asText()).isEqualTo("At what time?");
        assertThat(stored.path("messages").get(0).has("citations")).isFalse();
    }

    @Test
    void conversationsAreListedReadWithFreshLinksAndDeleted() throws Exception {
        JsonNode reply = JSON.readTree(client.post("/api/chat", chat("How long must passwords be?")).body());
        String conversationId = reply.path("conversationId").asText();
        JsonNode citation = reply.path("citations").get(0);
        assertThat(citation.path("fileName").asText()).isEqualTo("security-handbook.docx");

        // the link opens the cited file, without an API key, and says how long it lasts
        String link = citation.path("sourceUrl").asText();
        assertThat(link).contains("X-Amz-Expires=900");
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(fixture.fileContent(citation.path("documentId").asText()));

        JsonNode listed = JSON.readTree(client.get("/api/conversations?knowledgeBase=" + KNOWLEDGE_BASE).body()).path("conversations");
        JsonNode summary = find(listed, conversationId);
        assertThat(summary.path("messageCount").asInt()).isEqualTo(2);
        assertThat(summary.path("title").asText()).isEqualTo("How long must passwords be?");
        assertThat(JSON.readTree(client.get("/api/conversations?knowledgeBase=guides").body()).path("conversations")).isEmpty();

        JsonNode read = JSON.readTree(client.get("/api/conversations/" + conversationId).body());
        JsonNode storedCitation = read.path("messages").get(1).path("citations").get(0);
        assertThat(storedCitation.path("snippet").asText()).isEqualTo(citation.path("snippet").asText());
        assertThat(storedCitation.path("sourceUrl").asText()).contains("X-Amz-Signature=");

        assertThat(client.delete("/api/conversations/" + conversationId).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = client.get("/api/conversations/" + conversationId);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).path("error").path("code").asText()).isEqualTo("conversation_not_found");
        HttpResponse<String> continued = client.post("/api/chat", chat("And how often?").put("conversationId", conversationId));
        assertThat(continued.statusCode()).isEqualTo(404);
    }

    @Test
    void anotherTenantCanNeitherReadNorContinueNorDeleteAConversation() throws Exception {
        String conversationId = JSON.readTree(client.post("/api/chat", chat("Which class do employees fly?")).body())
                .path("conversationId").asText();

        assertThat(otherTenant.get("/api/conversations/" + conversationId).statusCode()).isEqualTo(404);
        assertThat(find(JSON.readTree(otherTenant.get("/api/conversations").body()).path("conversations"), conversationId))
                .isNull();
        assertThat(otherTenant.delete("/api/conversations/" + conversationId).statusCode()).isEqualTo(404);
        ObjectNode hijack = JSON.createObjectNode().put("knowledgeBase", HandbookFixture.OTHER_KNOWLEDGE_BASE)
                .put("message", "And the reactor?").put("conversationId", conversationId);
        assertThat(otherTenant.post("/api/chat", hijack).statusCode()).isEqualTo(404);
        assertThat(client.get("/api/conversations/" + conversationId).statusCode()).isEqualTo(200);
    }

    @Test
    void aConversationStaysOverItsKnowledgeBase() throws Exception {
        String conversationId = JSON.readTree(client.post("/api/chat", chat("Which class do employees fly?")).body())
                .path("conversationId").asText();

        HttpResponse<String> elsewhere = client.post("/api/chat", JSON.createObjectNode().put("knowledgeBase", "guides")
                .put("message", "And hotels?").put("conversationId", conversationId));

        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(elsewhere.body()).path("error").path("message").asText()).contains("\"handbook\"");
    }

    private static JsonNode find(JsonNode conversations, String id) {
        for (JsonNode conversation : conversations) {
            if (conversation.path("id").asText().equals(id)) {
                return conversation;
            }
        }
        return null;
    }

    /** Splits a server-sent-events body into its events. */
    private static List<Event> events(String body) throws Exception {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring("data: ".length()));
                }
            }
            if (name != null) {
                events.add(new Event(name, JSON.readTree(data.toString())));
            }
        }
        return events;
    }

    private static ObjectNode chat(String message) {
        return JSON.createObjectNode().put("knowledgeBase", KNOWLEDGE_BASE).put("message", message);
    }
}
