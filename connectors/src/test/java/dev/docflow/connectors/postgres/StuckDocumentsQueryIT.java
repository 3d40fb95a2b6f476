package dev.docflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which uploads count as stuck, on the real PostgreSQL: one that has waited longer than the limit,
 * unless the streaming job reading its topic has recorded an outcome within that time (then it is
 * queued behind others, not lost).
 */
class StuckDocumentsQueryIT {
    private static final long HOUR = 3600;
    private static DatabaseSettings settings;
    private static Database database;

    @BeforeAll
    static void start() {
        StackEndpoints stack = SharedStack.get();
        settings = new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
        Database.migrate(settings);
        database = Database.open(settings);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void anUploadWaitingLongerThanTheLimitIsStuckOnlyWhileItsTopicsJobRecordsNothing() throws Exception {
        String topic = "uploads-" + UUID.randomUUID();
        KnowledgeBase kb = database.knowledgeBases().ensure("stuck-query-it", "kb-" + UUID.randomUUID().toString().substring(0, 8));
        UUID waiting = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        database.uploads().insertFirstVersion(waiting, kb.id(), "k/" + waiting, "waiting.md", 10, "aa");
        database.uploads().insertFirstVersion(recent, kb.id(), "k/" + recent, "recent.md", 10, "bb");
        execute("UPDATE documents SET updated_at = now() - interval '2 hours' WHERE id = ?", waiting);

        assertThat(stuck(topic)).as("no job has recorded anything").contains(waiting).doesNotContain(recent);

        database.documents().heartbeats().beat(topic);
        assertThat(stuck(topic)).as("the job records outcomes: the upload is queued").doesNotContain(waiting);
        assertThat(stuck("other-" + topic)).as("another topic's job says nothing of this one").contains(waiting);

        execute("UPDATE ingestion_heartbeats SET recorded_at = now() - interval '90 minutes' WHERE topic = ?", topic);
        assertThat(stuck(topic)).as("the job has recorded nothing for longer than the upload waited").contains(waiting);
    }

    private static List<UUID> stuck(String topic) {
        return database.uploads().stuck(HOUR, topic, 1000).stream().map(StuckDocument::id).toList();
    }

    private static void execute(String sql, Object parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        }
    }
}
