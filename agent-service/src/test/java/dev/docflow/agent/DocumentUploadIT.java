package dev.docflow.agent;

import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.answer.AnswerSettings;
import dev.docflow.agent.retrieval.RetrievalSettings;
import dev.docflow.agent.upload.UploadSettings;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import dev.docflow.agent.testutils.UploadClient;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Uploads over HTTP into the real object store, PostgreSQL and Kafka: files stored and hashed,
 * their events published (also those left in the outbox by a service that stopped before
 * publishing), the same bytes not taken twice, too-large files refused whole, and knowledge bases
 * created and deleted with everything in them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentUploadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "umbrella-" + RUN;
    private static final String TOPIC = "it.uploads." + RUN;

    private StackEndpoints stack;
    private Database database;
    private ObjectStore store;
    private EmbeddingModel model;
    private AgentConfig config;
    private AgentApp app;
    private URI base;
    private UploadClient client;
    private KafkaConsumer<String, byte[]> events;

    @BeforeAll
    void start() {
        stack = SharedStack.get();
        DatabaseSettings databaseSettings = new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
        Database.migrate(databaseSettings);
        database = Database.open(databaseSettings);
        ObjectStoreSettings objectStore = new ObjectStoreSettings(stack.s3Endpoint(), stack.s3AccessKey(), stack.s3SecretKey(), null);
        store = new ObjectStore(objectStore);
        model = EmbeddingModelChoice.DEFAULT.load();
        config = new AgentConfig("127.0.0.1", 0, new ElasticsearchSettings(stack.elasticsearchUrl(), "upload-it-" + RUN),
                databaseSettings, "", RetrievalSettings.defaults(), AnswerSettings.defaults(),
                new UploadSettings(objectStore, stack.kafkaBootstrapServers(), TOPIC, 64 * 1024)
                        .withRequestLimits(1024 * 1024, 5).withRemovalGrace(Duration.ZERO));
        startApp();
        events = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "upload-it-" + RUN,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        events.subscribe(List.of(TOPIC));
    }

    private void startApp() {
        app = AgentApp.create(config, database, model, ctx -> ctx.header("X-Test-Tenant"));
        base = URI.create("http://127.0.0.1:" + app.start());
        client = new UploadClient(base, TENANT);
    }

    private void create(String name) throws Exception {
        client.create(name);
    }

    private JsonNode upload(String kb, Map<String, String> files) throws Exception {
        return client.upload(kb, files);
    }

    private static Map<String, JsonNode> byName(JsonNode reply) {
        return UploadClient.byName(reply);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request);
    }

    @AfterAll
    void stop() {
        events.close();
        app.close();
    }

    @Test
    void uploadedFilesAreStoredHashedRecordedAndAnnouncedOnKafka() throws Exception {
        create("reports");
        String text = "Quarterly revenue grew by nine percent.";

        JsonNode reply = upload("reports", Map.of("q3.md", text, "notes/q4.txt", "Q4 is forecast flat."));

        Map<String, JsonNode> byName = byName(reply);
        assertThat(byName.keySet()).containsExactlyInAnyOrder("q3.md", "q4.txt");
        JsonNode q3 = byName.get("q3.md");
        assertThat(q3.path("status").asText()).isEqualTo("uploaded");
        assertThat(q3.path("sha256").asText())
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8))));
        DocumentRecord row = database.documents().find(UUID.fromString(q3.path("id").asText())).orElseThrow();
        assertThat(row.status()).isEqualTo(DocumentStatus.UPLOADED);
        assertThat(row.objectKey()).startsWith(ObjectStore.versionsPrefixOf(TENANT, "reports", row.id().toString()))
                .endsWith("/q3.md");
        assertThat(read(row.objectKey())).isEqualTo(text);
        Map<String, UploadEvent> published = awaitEvents(q3.path("id").asText(), byName.get("q4.txt").path("id").asText());
        assertThat(published.get(q3.path("id").asText()).objectKey()).isEqualTo(row.objectKey());
        assertThat(published.get(q3.path("id").asText()).sizeBytes()).isEqualTo(text.length());
        assertThat(published.get(q3.path("id").asText()).knowledgeBaseId())
                .isEqualTo(database.knowledgeBases().find(TENANT, "reports").orElseThrow().id().toString());
    }

    @Test
    void aDocumentRecordedUnderItsIdFromBeforeKnowledgeBaseIdsKeepsItsRowWhenUploadedAgain() throws Exception {
        create("legacy");
        KnowledgeBase kb = database.knowledgeBases().find(TENANT, "legacy").orElseThrow();
        UUID old = UUID.fromString(dev.docflow.connectors.contract.DocumentIds.beforeKnowledgeBaseIds(TENANT, "legacy", "old.md"));
        // a row as an earlier release recorded it: its id derived from the knowledge base's name
        database.uploads().insertFirstVersion(old, kb.id(), ObjectStore.keyOf(TENANT, "legacy", "old.md"), "old.md", 3, "00");

        String again = byName(upload("legacy", Map.of("old.md", "A new version.", "new.md", "A new document."))).get("old.md")
                .path("id").asText();

        assertThat(again).isEqualTo(old.toString());
        assertThat(database.documents().listByKnowledgeBase(kb.id())).extracting(DocumentRecord::fileName)
                .containsExactlyInAnyOrder("old.md", "new.md");
        assertThat(database.documents().listByKnowledgeBase(kb.id())).filteredOn(row -> row.fileName().equals("new.md"))
                .extracting(row -> row.id().toString())
                .containsExactly(dev.docflow.connectors.contract.DocumentIds.of(TENANT, kb.id(), "new.md"));
    }

    @Test
    void theSameBytesAgainAreNotTakenTwice() throws Exception {
        create("dedup");
        String id = byName(upload("dedup", Map.of("a.md", "Same bytes."))).get("a.md").path("id").asText();

        JsonNode again = byName(upload("dedup", Map.of("a.md", "Same bytes."))).get("a.md");
        JsonNode copy = byName(upload("dedup", Map.of("copy-of-a.md", "Same bytes."))).get("copy-of-a.md");

        assertThat(again.path("status").asText()).isEqualTo("unchanged");
        assertThat(copy.path("status").asText()).isEqualTo("duplicate");
        assertThat(copy.path("duplicateOf").asText()).isEqualTo(id);
        assertThat(store.list(ObjectStore.prefixOf(TENANT, "dedup"))).extracting(o -> o.key())
                .containsExactly(servedKey(id));
    }

    @Test
    void aTooLargeFileIsRefusedWith413AndNothingOfTheRequestIsKept() throws Exception {
        create("limits");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("small.md", "fits");
        files.put("big.txt", "x".repeat(64 * 1024 + 1));

        HttpResponse<String> response = send(client.multipart("limits", files));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("file_too_large");
        assertThat(store.list(ObjectStore.prefixOf(TENANT, "limits"))).isEmpty();
        KnowledgeBase kb = database.knowledgeBases().find(TENANT, "limits").orElseThrow();
        assertThat(database.documents().listByKnowledgeBase(kb.id())).isEmpty();
    }

    @Test
    void anEventLeftInTheOutboxIsPublishedWhenTheServiceComesBack() throws Exception {
        create("outbox");
        app.close();
        // what a service that died between storing and publishing leaves behind
        KnowledgeBase kb = database.knowledgeBases().find(TENANT, "outbox").orElseThrow();
        UUID id = UUID.randomUUID();
        UploadEvent event = new UploadEvent(id.toString(), TENANT, "outbox", kb.id().toString(), TENANT + "/outbox/late.md", "late.md", 4);
        database.uploads().insertFirstVersion(id, kb.id(), event.objectKey(), "late.md", 4, "ab");
        database.uploads().insertEvent(id, id.toString(), event.toJson());

        startApp();

        assertThat(awaitEvents(id.toString())).containsKey(id.toString());
    }

    @Test
    void knowledgeBasesAreCreatedOnceAndDeletedWithTheirDocuments() throws Exception {
        assertThat(send(client.post("/api/knowledge-bases", "{\"name\":\"archive\"}")).statusCode()).isEqualTo(201);
        assertThat(send(client.post("/api/knowledge-bases", "{\"name\":\"archive\"}")).statusCode()).isEqualTo(409);
        assertThat(send(client.post("/api/knowledge-bases", "{\"name\":\"../etc\"}")).statusCode()).isEqualTo(400);
        assertThat(send(client.post("/api/knowledge-bases", "{}")).statusCode()).isEqualTo(400);
        Map<String, JsonNode> stored = byName(upload("archive", Map.of("one.md", "One.", "two.md", "Two.")));

        String one = stored.get("one.md").path("id").asText();
        String two = stored.get("two.md").path("id").asText();
        indexChunk("archive", one);
        indexChunk("archive", two);
        assertThat(send(client.delete("/api/knowledge-bases/archive/documents/" + one)).statusCode()).isEqualTo(204);
        assertThat(database.documents().find(UUID.fromString(one))).isEmpty();
        assertThat(chunks("archive", one)).isZero();
        assertThat(chunks("archive", two)).isEqualTo(1);
        assertThat(store.list(ObjectStore.prefixOf(TENANT, "archive"))).extracting(o -> o.key())
                .containsExactly(servedKey(two));

        assertThat(send(client.delete("/api/knowledge-bases/archive")).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/archive"))
                .header("X-Test-Tenant", TENANT).GET().build()).statusCode()).isEqualTo(404);
        assertThat(store.list(ObjectStore.prefixOf(TENANT, "archive"))).isEmpty();
        assertThat(database.documents().find(UUID.fromString(two))).isEmpty();
        assertThat(chunks("archive", two)).isZero();
    }

    /** A chunk as the ingestion job would leave it, reduced to the fields deletion goes by. */
    private void indexChunk(String kb, String documentId) throws Exception {
        String source = JSON.writeValueAsString(Map.of(ChunkFields.TENANT, TENANT, ChunkFields.KNOWLEDGE_BASE, kb,
                ChunkFields.DOCUMENT_ID, documentId, ChunkFields.TEXT, "a chunk"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/"
                        + config.elasticsearch().indexAlias() + "/_doc/" + documentId + "-0?refresh=true"))
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(source)).build());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private long chunks(String kb, String documentId) {
        try (ChunkIndex index = new ChunkIndex(config.elasticsearch())) {
            return index.countChunks(TENANT, kb, documentId);
        }
    }




    /** Reads the topic until an event of each id has arrived. */
    private Map<String, UploadEvent> awaitEvents(String... ids) {
        Map<String, UploadEvent> seen = new HashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!seen.keySet().containsAll(List.of(ids))) {
            assertThat(Instant.now()).as("events of " + List.of(ids) + "; seen " + seen.keySet()).isBefore(deadline);
            for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(500))) {
                UploadEvent event = UploadEvent.fromJson(record.value());
                assertThat(record.key()).isEqualTo(event.documentId());
                seen.put(event.documentId(), event);
            }
        }
        return seen;
    }

    private String servedKey(String documentId) {
        return database.documents().find(UUID.fromString(documentId)).orElseThrow().objectKey();
    }

    private String read(String key) throws Exception {
        try (InputStream stored = store.open(key)) {
            return new String(stored.readAllBytes(), StandardCharsets.UTF_8);
        }
    }




}
