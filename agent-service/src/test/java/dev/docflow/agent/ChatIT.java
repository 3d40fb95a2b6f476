package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.agent.auth.ApiKeys;
import dev.docflow.agent.testutils.StackAgentConfig;
import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ChunkIndexMapping;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service end to end over HTTP, against a real Elasticsearch and PostgreSQL and the real
 * embedding model (the shared embedded stack of {@code docflow-localstack}): chunks of two tenants are indexed the way the ingestion job indexes them
 * (stemmed text, embeddings, explicit ids), then questions are asked through {@code POST /api/chat}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Unique per run, so runs sharing one stack never see each other's tenants or index. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "acme-" + RUN;
    private static final String OTHER_TENANT = "globex-" + RUN;
    private static final String KNOWLEDGE_BASE = "handbook";
    private static final String OTHER_KNOWLEDGE_BASE = "research";

    /** A chunk as the test indexes it; documents are their chunks joined by blank lines. */
    private record Chunk(String tenant, String knowledgeBase, String documentId, String fileName, int ordinal,
            int page, String headingPath, String text) {}

    private static final List<Chunk> CHUNKS = chunks();

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddingModel model;
    private ElasticsearchSettings elasticsearch;
    private AgentApp app;
    private String apiKey;
    private URI base;

    @BeforeAll
    void indexChunksAndStartTheService() throws Exception {
        StackEndpoints stack = SharedStack.get();
        model = new AllMiniLmL6V2EmbeddingModel();
        elasticsearch = new ElasticsearchSettings(stack.elasticsearchUrl(), "chat-it-" + RUN);
        try (ChunkIndex index = new ChunkIndex(elasticsearch)) {
            index.ensureExists();
            bulkIndex(CHUNKS);
            index.refresh();
        }
        DatabaseSettings databaseSettings = new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
        Database database = Database.open(databaseSettings);
        KnowledgeBase handbook = database.knowledgeBases().ensure(TENANT, KNOWLEDGE_BASE);
        KnowledgeBase research = database.knowledgeBases().ensure(OTHER_TENANT, OTHER_KNOWLEDGE_BASE);
        // every indexed chunk's document has its row, as the ingestion job leaves it
        for (Chunk chunk : CHUNKS) {
            UUID id = UUID.fromString(chunk.documentId());
            UUID kb = chunk.tenant().equals(TENANT) ? handbook.id() : research.id();
            database.documents().markProcessing(id, kb, chunk.fileName() + "-" + id, chunk.fileName(), 100, null);
            database.documents().markIndexed(id, null, 1);
        }
        database.documents().markDeleting(UUID.fromString(CHUNKS.get(CHUNKS.size() - 1).documentId()));

        // the service's own resolver: requests carry a key of TENANT
        apiKey = new ApiKeys(database.apiKeys()).issue(TENANT, "chat-it");
        AgentConfig config = StackAgentConfig.of(stack, elasticsearch.indexAlias());
        app = AgentApp.create(config, database, model);
        base = URI.create("http://127.0.0.1:" + app.start());
    }

    @AfterAll
    void stopAndDropTheIndex() throws Exception {
        if (app != null) {
            app.close();
        }
        if (elasticsearch != null) {
            send(HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/" + ChunkIndexMapping.indexName(elasticsearch.indexAlias())))
                    .DELETE().build());
        }
    }

    @Test
    void citesThePageThatHoldsTheAnswer() throws Exception {
        HttpResponse<String> response = chat(KNOWLEDGE_BASE, "How much is reimbursed for a hotel night?");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        Chunk hotels = CHUNKS.get(1);
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
        assertThat(markers(body.path("answer").asText())).isEqualTo(numbers(body.path("citations")));
    }

    @Test
    void findsAParaphraseAndLeavesOutThePageOfAPagelessFormat() throws Exception {
        JsonNode body = JSON.readTree(chat(KNOWLEDGE_BASE, "Where do new starters pick up their computer?").body());

        assertThat(body.path("answer").asText()).contains("laptop");
        JsonNode first = body.path("citations").get(0);
        assertThat(first.path("fileName").asText()).isEqualTo("onboarding.md");
        assertThat(first.has("page")).isFalse();
        assertThat(first.path("snippet").asText()).isEqualTo(CHUNKS.get(3).text());
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
        HttpResponse<String> health = send(HttpRequest.newBuilder(base.resolve("/health")).GET().build());
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(base.resolve("/api/nothing"))
                .header("Authorization", "Bearer " + apiKey).GET().build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").path("code").asText()).isEqualTo("not_found");
    }

    private HttpResponse<String> chat(String knowledgeBase, String message) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("knowledgeBase", knowledgeBase).put("message", message);
        return post("/api/chat", request.toString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<Integer> markers(String answer) {
        List<Integer> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\[(\\d+)]").matcher(answer);
        while (matcher.find()) {
            int n = Integer.parseInt(matcher.group(1));
            if (!found.contains(n)) {
                found.add(n);
            }
        }
        return found;
    }

    private static List<Integer> numbers(JsonNode citations) {
        List<Integer> numbers = new ArrayList<>();
        citations.forEach(citation -> numbers.add(citation.path("n").asInt()));
        return numbers;
    }

    /** Indexes the chunks as the ingestion job does: analysed text, embedding, id from document and ordinal. */
    private void bulkIndex(List<Chunk> chunks) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        try (EnglishTextAnalyzer english = new EnglishTextAnalyzer()) {
            for (Chunk chunk : chunks) {
                String id = ChunkIds.of(chunk.documentId(), chunk.ordinal());
                int start = charStart(chunk);
                ObjectNode source = JSON.createObjectNode()
                        .put(ChunkFields.CHUNK_ID, id)
                        .put(ChunkFields.TENANT, chunk.tenant())
                        .put(ChunkFields.KNOWLEDGE_BASE, chunk.knowledgeBase())
                        .put(ChunkFields.DOCUMENT_ID, chunk.documentId())
                        .put(ChunkFields.FILE_NAME, chunk.fileName())
                        .put(ChunkFields.CONTENT_TYPE, "text/plain")
                        .put(ChunkFields.ORDINAL, chunk.ordinal())
                        .put(ChunkFields.PAGE_START, chunk.page())
                        .put(ChunkFields.PAGE_END, chunk.page())
                        .put(ChunkFields.CHAR_START, start)
                        .put(ChunkFields.CHAR_END, start + chunk.text().length())
                        .put(ChunkFields.HEADING_PATH, chunk.headingPath())
                        .put(ChunkFields.TEXT, chunk.text())
                        .put(ChunkFields.TEXT_STEMMED, english.analyze(chunk.text()));
                float[] vector = model.embed(chunk.headingPath() + "\n" + chunk.text()).content().vector();
                var embedding = source.putArray(ChunkFields.EMBEDDING);
                for (float value : vector) {
                    embedding.add(value);
                }
                ObjectNode action = JSON.createObjectNode();
                action.putObject("index").put("_index", elasticsearch.indexAlias()).put("_id", id);
                ndjson.append(action).append('\n').append(source).append('\n');
            }
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_bulk"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("errors").asBoolean()).as(response.body()).isFalse();
    }

    /** Where the chunk starts in its document: after the earlier chunks of the document and a blank line each. */
    private static int charStart(Chunk chunk) {
        int start = 0;
        for (Chunk earlier : CHUNKS) {
            if (earlier.documentId().equals(chunk.documentId()) && earlier.ordinal() < chunk.ordinal()) {
                start += earlier.text().length() + 2;
            }
        }
        return start;
    }

    private static List<Chunk> chunks() {
        String travel = UUID.randomUUID().toString();
        String security = UUID.randomUUID().toString();
        String onboarding = UUID.randomUUID().toString();
        String labNotes = UUID.randomUUID().toString();
        return List.of(
                new Chunk(TENANT, KNOWLEDGE_BASE, travel, "travel-policy.pdf", 0, 2, "Travel Policy › Flights",
                        "Employees book economy class for flights shorter than six hours. Business class is allowed"
                                + " on longer flights when a director approves the trip in advance."),
                new Chunk(TENANT, KNOWLEDGE_BASE, travel, "travel-policy.pdf", 1, 3, "Travel Policy › Hotels",
                        "Hotel costs are reimbursed up to 180 euros per night in capital cities and up to 120 euros"
                                + " elsewhere. Keep the itemised invoice; a credit card slip is not enough."),
                new Chunk(TENANT, KNOWLEDGE_BASE, security, "security-handbook.docx", 0, 0, "Accounts › Passwords",
                        "Passwords must be at least 14 characters long. Multi-factor authentication is mandatory"
                                + " for remote access to the company VPN."),
                new Chunk(TENANT, KNOWLEDGE_BASE, onboarding, "onboarding.md", 0, 0, "First day",
                        "New employees collect their laptop from the IT service desk on the second floor at 9 am"
                                + " on their first day."),
                new Chunk(OTHER_TENANT, OTHER_KNOWLEDGE_BASE, labNotes, "lab-notes.pdf", 0, 7, "Reactor › Calibration",
                        "During calibration the reactor coolant must stay below 340 degrees Celsius. Operators log"
                                + " the temperature every ten minutes."),
                new Chunk(OTHER_TENANT, OTHER_KNOWLEDGE_BASE, labNotes, "lab-notes.pdf", 1, 8, "Reactor › Restart",
                        "The calibration report is signed by two senior engineers before the reactor restarts."),
                // last: its document is being deleted (see the set-up)
                new Chunk(TENANT, KNOWLEDGE_BASE, UUID.randomUUID().toString(), "retired-parking-policy.pdf", 0, 1,
                        "Parking", "A parking permit costs 45 euros a month and is renewed every January."));
    }
}
