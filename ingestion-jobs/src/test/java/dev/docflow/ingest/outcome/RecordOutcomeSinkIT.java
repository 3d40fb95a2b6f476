package dev.docflow.ingest.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.testutils.StackIngestionSettings;
import dev.docflow.localstack.testutils.SharedStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outcome writer against the real PostgreSQL, on a clock the test turns: an outcome is
 * recorded {@link RecordOutcomeSink#RECORD_INTERVAL} after it arrives, with no checkpoint, so
 * statuses never wait for the slowest document in flight.
 */
class RecordOutcomeSinkIT {
    private static final String TENANT = "it-outcomes";
    private static DatabaseSettings settings;
    private static Database database;

    @BeforeAll
    static void start() {
        settings = StackIngestionSettings.of(SharedStack.get()).database();
        Database.migrate(settings);
        database = Database.open(settings);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void anOutcomeIsRecordedWithinTheIntervalWithoutACheckpoint() throws Exception {
        KnowledgeBase kb = database.knowledgeBases().ensure(TENANT, "kb-" + UUID.randomUUID().toString().substring(0, 8));
        DocumentRef first = processing(kb, "first.md");
        DocumentRef second = processing(kb, "second.md");
        TestProcessingTimeService time = new TestProcessingTimeService();
        time.setCurrentTime(0);
        long interval = RecordOutcomeSink.RECORD_INTERVAL.toMillis();

        try (RecordOutcomeSink.Writer writer = new RecordOutcomeSink.Writer(Database.open(settings),
                new OutcomeMetrics(new UnregisteredMetricsGroup(), 0, true), time, null)) {
            writer.write(DocumentOutcome.indexed(first, 0, 3), null);
            time.setCurrentTime(interval - 1);
            assertThat(status(first)).as("held until the interval is up").isEqualTo(DocumentStatus.PROCESSING);

            time.setCurrentTime(interval);
            assertThat(status(first)).as("recorded, no flush asked for").isEqualTo(DocumentStatus.INDEXED);
            assertThat(database.documents().find(UUID.fromString(first.documentId())).orElseThrow().chunkCount()).isEqualTo(3);

            time.setCurrentTime(5 * interval);
            writer.write(DocumentOutcome.indexed(second, 0, 2), null);
            assertThat(status(second)).isEqualTo(DocumentStatus.PROCESSING);
            time.setCurrentTime(6 * interval);
            assertThat(status(second)).as("the next outcome has its own interval").isEqualTo(DocumentStatus.INDEXED);
        }
    }

    @Test
    void recordingOutcomesRenewsTheHeartbeatOfTheTopicTheJobReads() throws Exception {
        KnowledgeBase kb = database.knowledgeBases().ensure(TENANT, "kb-" + UUID.randomUUID().toString().substring(0, 8));
        DocumentRef document = processing(kb, "beat.md");
        String topic = "uploads-" + UUID.randomUUID();
        TestProcessingTimeService time = new TestProcessingTimeService();
        time.setCurrentTime(0);

        try (RecordOutcomeSink.Writer writer = new RecordOutcomeSink.Writer(Database.open(settings),
                new OutcomeMetrics(new UnregisteredMetricsGroup(), 0, true), time, topic)) {
            assertThat(heartbeat(topic)).as("nothing recorded yet").isNull();
            writer.write(DocumentOutcome.indexed(document, 0, 1), null);
            writer.flush(false);
        }

        assertThat(status(document)).isEqualTo(DocumentStatus.INDEXED);
        assertThat(heartbeat(topic)).as("renewed with the outcomes").isNotNull();
    }

    private static OffsetDateTime heartbeat(String topic) throws Exception {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT recorded_at FROM ingestion_heartbeats WHERE topic = ?")) {
            query.setString(1, topic);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }

    private static DocumentRef processing(KnowledgeBase kb, String name) {
        String key = ObjectStore.keyOf(TENANT, kb.name(), name);
        String id = DocumentIds.of(TENANT, kb.id(), name);
        database.documents().markProcessing(UUID.fromString(id), kb.id(), key, name, 10, null);
        return new DocumentRef(id, TENANT, kb.name(), kb.id().toString(), key, name, 10, 0);
    }

    private static DocumentStatus status(DocumentRef ref) {
        return database.documents().find(UUID.fromString(ref.documentId())).orElseThrow().status();
    }
}
