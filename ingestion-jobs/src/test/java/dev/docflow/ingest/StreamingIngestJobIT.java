package dev.docflow.ingest;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.ingest.stream.KafkaSettings;
import dev.docflow.ingest.stream.UploadEvents;
import dev.docflow.connectors.kafka.UploadsTopic;
import dev.docflow.ingest.testutils.StackIngestionSettings;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job on a local Flink cluster against the real stack: upload events published to
 * a real Kafka topic are ingested as they arrive, a malformed message and the event of a file
 * deleted since are skipped (the job does not fail over them; a document still waiting for a file
 * that is gone ends {@code failed}, {@code file_missing}), and
 * each document's outcome lands in PostgreSQL with its chunks in Elasticsearch.
 */
class StreamingIngestJobIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "it-stream-" + RUN;
    private static final String KB = "inbox";

    private static LocalFlinkCluster flink;
    private static IngestionSettings settings;
    private static KafkaSettings kafka;
    private static ObjectStore store;
    private static Database database;
    private static ChunkIndex index;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        StackEndpoints endpoints = SharedStack.get();
        settings = StackIngestionSettings.of(endpoints);
        kafka = new KafkaSettings(endpoints.kafkaBootstrapServers(), "it.uploads." + RUN, "it-stream-" + RUN);
        UploadsTopic.ensureExists(kafka.bootstrapServers(), kafka.uploadsTopic());
        flink = LocalFlinkCluster.start("0", 2);
        store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        Database.migrate(settings.database());
        database = Database.open(settings.database());
        index = new ChunkIndex(settings.elasticsearch());
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        index.close();
        flink.close();
    }

    @Test
    void uploadEventsAreIngestedAsTheyArriveAndABadMessageIsSkipped(@TempDir Path dir) throws Exception {
        JobClient job = new StreamingIngestJob(settings, kafka).start(flink.environment(2));
        try {
            DocumentRef first = upload(dir, "first.md", "# First\n\nThe first upload mentions a heron by the lake.\n");
            publish(first);
            awaitStatus(first, DocumentStatus.INDEXED);

            producer.send(new ProducerRecord<>(kafka.uploadsTopic(), "junk", "{not an event".getBytes(StandardCharsets.UTF_8))).get();
            // a late event of a document deleted since: its file is gone
            publish(new DocumentRef(UUID.randomUUID().toString(), TENANT, KB, first.knowledgeBaseId(), ObjectStore.keyOf(TENANT, KB, "gone.md"), "gone.md", 10, 0));
            DocumentRef second = upload(dir, "second.md", "# Second\n\nThe second upload mentions an otter in the river.\n");
            DocumentRef broken = upload(dir, "broken.pdf", "%PDF-1.4 these are not the bytes of a PDF");
            // an event of a version of "second" that a newer upload replaced before the job read it
            Path replacedFile = Files.writeString(dir.resolve("second-replaced.md"), "# Second\n\nA pelican, in a replaced version.\n");
            String replacedKey = second.objectKey() + ".replaced";
            store.upload(replacedKey, replacedFile, "application/octet-stream");
            publish(new DocumentRef(second.documentId(), TENANT, KB, second.knowledgeBaseId(), replacedKey, "second.md", Files.size(replacedFile), 0));
            // a document that waits for its version, whose file was removed before the job read the event
            DocumentRef vanished = upload(dir, "vanished.md", "# Vanished\n\nRemoved before it was read.\n");
            store.remove(vanished.objectKey());
            publish(second);
            publish(broken);
            publish(vanished);
            awaitStatus(second, DocumentStatus.INDEXED);
            awaitStatus(broken, DocumentStatus.FAILED);
            awaitStatus(vanished, DocumentStatus.FAILED);

            assertThat(row(broken).failureReason()).isEqualTo(FailureReason.CORRUPT);
            assertThat(row(vanished).failureReason()).as("the skipped event ends its document").isEqualTo(FailureReason.FILE_MISSING);
            assertThat(row(vanished).failureStage()).isEqualTo(Stage.PARSE);
            // keyed by document id, the replaced version's event was taken before second's: skipped, never indexed
            assertThat(index.countChunks(TENANT, KB, second.documentId())).isEqualTo((long) row(second).chunkCount());
            assertThat(chunkTexts(second)).noneMatch(text -> text.contains("pelican"));
            assertThat(maxChunkVersion(second)).as("second's chunks were written once, by second alone").isEqualTo(1);
            assertThat(failuresOf(job)).as("the job never failed over a message").isEmpty();
            for (DocumentRef ref : new DocumentRef[] {first, second}) {
                assertThat(index.countChunks(TENANT, KB, ref.documentId())).isEqualTo((long) row(ref).chunkCount()).isPositive();
            }
            assertThat(heartbeatRecorded(kafka.uploadsTopic()))
                    .as("recording outcomes renewed the heartbeat of the topic the job reads").isTrue();
        } finally {
            job.cancel().get();
        }
    }

    /** The job's failures as Flink's REST API lists them (its restarts' causes). */
    private static com.fasterxml.jackson.databind.JsonNode failuresOf(JobClient job) throws Exception {
        java.net.URI uri = flink.restAddress().resolve("/jobs/" + job.getJobID() + "/exceptions");
        String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("exceptionHistory").path("entries");
    }

    private DocumentRef upload(Path dir, String name, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content);
        String key = ObjectStore.keyOf(TENANT, KB, name);
        store.upload(key, file, "application/octet-stream");
        KnowledgeBase kb = database.knowledgeBases().ensure(TENANT, KB);
        String id = DocumentIds.of(TENANT, kb.id(), name);
        database.documents().markProcessing(UUID.fromString(id), kb.id(), key, name, Files.size(file), null);
        return new DocumentRef(id, TENANT, KB, kb.id().toString(), key, name, Files.size(file), 0);
    }

    private java.util.List<String> chunkTexts(DocumentRef ref) throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>();
        chunkHits(ref).forEach(hit -> texts.add(hit.path("_source").path(dev.docflow.connectors.contract.ChunkFields.TEXT).asText()));
        return texts;
    }

    /** The highest {@code _version} of the document's chunks: how often the most rewritten one was written. */
    private long maxChunkVersion(DocumentRef ref) throws Exception {
        long max = 0;
        for (com.fasterxml.jackson.databind.JsonNode hit : chunkHits(ref)) {
            max = Math.max(max, hit.path("_version").asLong());
        }
        return max;
    }

    private com.fasterxml.jackson.databind.JsonNode chunkHits(DocumentRef ref) throws Exception {
        java.net.URI uri = java.net.URI.create(settings.elasticsearch().url() + "/" + settings.elasticsearch().indexAlias()
                + "/_search?size=100&version=true&q=" + dev.docflow.connectors.contract.ChunkFields.DOCUMENT_ID + ":"
                + ref.documentId());
        String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("hits").path("hits");
    }

    private void publish(DocumentRef ref) throws Exception {
        producer.send(new ProducerRecord<>(kafka.uploadsTopic(), ref.documentId(), UploadEvents.of(ref).toJson())).get();
    }

    /** Whether the topic's heartbeat was renewed in the last ten minutes (see the reconciler's stuck query). */
    private static boolean heartbeatRecorded(String topic) throws Exception {
        try (Connection connection = DriverManager.getConnection(settings.database().jdbcUrl(), settings.database().user(),
                settings.database().password());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM ingestion_heartbeats WHERE topic = ? AND recorded_at > now() - interval '10 minutes'")) {
            query.setString(1, topic);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) == 1;
            }
        }
    }

    private DocumentRecord row(DocumentRef ref) {
        return database.documents().find(UUID.fromString(ref.documentId())).orElseThrow();
    }

    /** Waits until the job has committed the document's outcome to PostgreSQL (at a checkpoint). */
    private void awaitStatus(DocumentRef ref, DocumentStatus status) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(row(ref).status()).as(ref.fileName()).isEqualTo(status));
        index.refresh();
    }
}
