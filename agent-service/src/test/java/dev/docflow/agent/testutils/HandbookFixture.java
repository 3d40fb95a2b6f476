package dev.docflow.agent.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ChunkIndexMapping;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two tenants' small knowledge bases, set up as the ingestion job leaves them: chunks in the index
 * (analysed text, embedding, ids from document and ordinal), a row per document, and each file's
 * bytes in the object store. The last document is being deleted.
 */
public final class HandbookFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String KNOWLEDGE_BASE = "handbook";
    public static final String OTHER_KNOWLEDGE_BASE = "research";

    /** A chunk as the fixture indexes it; documents are their chunks joined by blank lines. */
    public record Chunk(String tenant, String knowledgeBase, String documentId, String fileName, int ordinal,
            int page, String headingPath, String text) {}

    public final String tenant;
    public final String otherTenant;
    public final List<Chunk> chunks;
    public final ElasticsearchSettings elasticsearch;

    private HandbookFixture(String run, String indexAlias, StackEndpoints stack) {
        this.tenant = "acme-" + run;
        this.otherTenant = "globex-" + run;
        this.chunks = chunks(tenant, otherTenant);
        this.elasticsearch = new ElasticsearchSettings(stack.elasticsearchUrl(), indexAlias);
    }

    /** Indexes, records and stores everything under fresh tenant names and {@code indexAlias}. */
    public static HandbookFixture create(StackEndpoints stack, Database database, EmbeddingModel model, String indexAlias)
            throws Exception {
        HandbookFixture fixture = new HandbookFixture(UUID.randomUUID().toString().substring(0, 8), indexAlias, stack);
        try (ChunkIndex index = new ChunkIndex(fixture.elasticsearch)) {
            index.ensureExists();
            fixture.bulkIndex(model);
            index.refresh();
        }
        KnowledgeBase handbook = database.knowledgeBases().ensure(fixture.tenant, KNOWLEDGE_BASE);
        KnowledgeBase research = database.knowledgeBases().ensure(fixture.otherTenant, OTHER_KNOWLEDGE_BASE);
        ObjectStore store = new ObjectStore(StackAgentConfig.objectStore(stack));
        store.ensureBucket();
        for (Map.Entry<String, List<Chunk>> document : fixture.documents().entrySet()) {
            Chunk first = document.getValue().get(0);
            UUID id = UUID.fromString(document.getKey());
            UUID kb = first.tenant().equals(fixture.tenant) ? handbook.id() : research.id();
            String key = objectKey(first);
            byte[] content = fixture.fileContent(document.getKey()).getBytes(StandardCharsets.UTF_8);
            store.put(key, new ByteArrayInputStream(content), content.length, "text/plain");
            database.documents().markProcessing(id, kb, key, first.fileName(), content.length, null);
            database.documents().settleIndexed(id, key, null, document.getValue().size());
        }
        database.documents().markDeleting(UUID.fromString(fixture.chunks.get(fixture.chunks.size() - 1).documentId()));
        return fixture;
    }

    /** The bytes stored for a document: its chunks joined by blank lines. */
    public String fileContent(String documentId) {
        return String.join("\n\n", documents().get(documentId).stream().map(Chunk::text).toList());
    }

    public Chunk chunk(int index) {
        return chunks.get(index);
    }

    public void dropIndex() throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(elasticsearch.url() + "/" + ChunkIndexMapping.indexName(elasticsearch.indexAlias())))
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String objectKey(Chunk chunk) {
        return ObjectStore.keyOf(chunk.tenant(), chunk.knowledgeBase(), chunk.documentId() + "/" + chunk.fileName());
    }

    private Map<String, List<Chunk>> documents() {
        Map<String, List<Chunk>> documents = new LinkedHashMap<>();
        for (Chunk chunk : chunks) {
            documents.computeIfAbsent(chunk.documentId(), unused -> new java.util.ArrayList<>()).add(chunk);
        }
        return documents;
    }

    private void bulkIndex(EmbeddingModel model) throws Exception {
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
                // labelled as the service searches: the fixtures embed with the default model
                source.put(ChunkFields.EMBEDDING_MODEL, EmbeddingModelChoice.DEFAULT.id());
                var embedding = source.putArray(ChunkFields.EMBEDDING);
                for (float value : vector) {
                    embedding.add(value);
                }
                ObjectNode action = JSON.createObjectNode();
                action.putObject("index").put("_index", elasticsearch.indexAlias()).put("_id", id);
                ndjson.append(action).append('\n').append(source).append('\n');
            }
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_bulk"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("errors").asBoolean()).as(response.body()).isFalse();
    }

    /** Where the chunk starts in its document: after the earlier chunks of the document and a blank line each. */
    private int charStart(Chunk chunk) {
        int start = 0;
        for (Chunk earlier : chunks) {
            if (earlier.documentId().equals(chunk.documentId()) && earlier.ordinal() < chunk.ordinal()) {
                start += earlier.text().length() + 2;
            }
        }
        return start;
    }

    private static List<Chunk> chunks(String tenant, String otherTenant) {
        String travel = UUID.randomUUID().toString();
        String security = UUID.randomUUID().toString();
        String onboarding = UUID.randomUUID().toString();
        String labNotes = UUID.randomUUID().toString();
        return List.of(
                new Chunk(tenant, KNOWLEDGE_BASE, travel, "travel-policy.pdf", 0, 2, "Travel Policy › Flights",
                        "Employees book economy class for flights shorter than six hours. Business class is allowed"
                                + " on longer flights when a director approves the trip in advance."),
                new Chunk(tenant, KNOWLEDGE_BASE, travel, "travel-policy.pdf", 1, 3, "Travel Policy › Hotels",
                        "Hotel costs are reimbursed up to 180 euros per night in capital cities and up to 120 euros"
                                + " elsewhere. Keep the itemised invoice; a credit card slip is not enough."),
                new Chunk(tenant, KNOWLEDGE_BASE, security, "security-handbook.docx", 0, 0, "Accounts › Passwords",
                        "Passwords must be at least 14 characters long. Multi-factor authentication is mandatory"
                                + " for remote access to the company VPN."),
                new Chunk(tenant, KNOWLEDGE_BASE, onboarding, "onboarding.md", 0, 0, "First day",
                        "New employees collect their laptop from the IT service desk on the second floor at 9 am"
                                + " on their first day."),
                new Chunk(otherTenant, OTHER_KNOWLEDGE_BASE, labNotes, "lab-notes.pdf", 0, 7, "Reactor › Calibration",
                        "During calibration the reactor coolant must stay below 340 degrees Celsius. Operators log"
                                + " the temperature every ten minutes."),
                new Chunk(otherTenant, OTHER_KNOWLEDGE_BASE, labNotes, "lab-notes.pdf", 1, 8, "Reactor › Restart",
                        "The calibration report is signed by two senior engineers before the reactor restarts."),
                // last: its document is being deleted (see create)
                new Chunk(tenant, KNOWLEDGE_BASE, UUID.randomUUID().toString(), "retired-parking-policy.pdf", 0, 1,
                        "Parking", "A parking permit costs 45 euros a month and is renewed every January."));
    }
}
