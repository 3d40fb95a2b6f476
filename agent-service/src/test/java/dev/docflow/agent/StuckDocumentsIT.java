package dev.docflow.agent;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.testutils.ServedUploads;
import dev.docflow.agent.upload.ReconcileSettings;
import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * No upload stays {@code uploaded} for ever, with the reconciler of the real service on the real
 * object store, PostgreSQL and Kafka and no ingestion job to answer: a document whose event never
 * led to an outcome is published again, then ends {@code failed} ({@code lost}); one whose file is
 * gone ends {@code file_missing} without being published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StuckDocumentsIT {
    private static final String TENANT = "limbo-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int ATTEMPTS = 2;

    private ServedUploads served;
    private KafkaConsumer<String, byte[]> events;

    @BeforeAll
    void start() throws Exception {
        served = ServedUploads.start(TENANT, 1 << 20,
                uploads -> uploads.withReconcile(new ReconcileSettings(Duration.ofSeconds(1), ATTEMPTS)));
        served.client.create("inbox");
        events = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, served.stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stuck-it-" + TENANT,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        events.subscribe(List.of(served.topic));
    }

    @AfterAll
    void stop() {
        if (events != null) {
            events.close();
        }
        if (served != null) {
            served.close();
        }
    }

    @Test
    void anUploadThatNeverGetsAnOutcomeIsPublishedAgainThenFailsAsLost() throws Exception {
        UUID id = UUID.fromString(served.client.uploadOne("inbox", "memo.md", "Nobody will ingest this.").path("id").asText());
        String key = served.database.documents().find(id).orElseThrow().objectKey();

        DocumentRecord failed = awaitStatus(id, DocumentStatus.FAILED);
        List<UploadEvent> published = eventsOf(id, 1 + ATTEMPTS);

        assertThat(failed.failureReason()).isEqualTo(FailureReason.LOST);
        assertThat(failed.failureStage()).isEqualTo(Stage.INGEST);
        assertThat(failed.failureMessage()).contains("published 3 times");
        assertThat(published).hasSize(1 + ATTEMPTS).allSatisfy(event -> assertThat(event.objectKey()).isEqualTo(key));
        assertThat(served.store.exists(key)).as("the file stays for a new attempt").isTrue();
    }

    @Test
    void anUploadWhoseFileIsGoneFailsAsFileMissing() throws Exception {
        KnowledgeBase kb = served.database.knowledgeBases().find(TENANT, "inbox").orElseThrow();
        UUID id = UUID.randomUUID();
        String key = ObjectStore.versionKeyOf(TENANT, "inbox", id.toString(), "v1", "gone.md");
        // a row whose file was removed behind its back, its event long published
        served.database.uploads().insertFirstVersion(id, kb.id(), key, "gone.md", 12, "0f");

        DocumentRecord failed = awaitStatus(id, DocumentStatus.FAILED);

        assertThat(failed.failureReason()).isEqualTo(FailureReason.FILE_MISSING);
        assertThat(eventsOf(id, 0)).isEmpty();
    }

    private DocumentRecord awaitStatus(UUID id, DocumentStatus status) {
        return org.awaitility.Awaitility.await("document " + id + " reaches " + status).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> served.database.documents().find(id).orElseThrow(), row -> row.status() == status);
    }

    private final List<UploadEvent> seen = new ArrayList<>();

    /** The events of the document read so far, reading until {@code atLeast} have come (or a few seconds more when 0). */
    private List<UploadEvent> eventsOf(UUID id, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(atLeast == 0 ? 3 : 60));
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(300))) {
                seen.add(UploadEvent.fromJson(record.value()));
            }
            if (atLeast > 0 && seen.stream().filter(event -> event.documentId().equals(id.toString())).count() >= atLeast) {
                break;
            }
        }
        return seen.stream().filter(event -> event.documentId().equals(id.toString())).toList();
    }
}
