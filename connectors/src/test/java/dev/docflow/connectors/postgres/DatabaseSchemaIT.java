package dev.docflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who changes the schema, on the real PostgreSQL: {@link Database#migrate} only; opening checks it. */
class DatabaseSchemaIT {
    @Test
    void aNewDatabaseIsRefusedUntilMigratedThenMigratedOnceAndOpened() throws Exception {
        DatabaseSettings settings = freshDatabase();

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(SchemaOutdatedException.class)
                .hasMessageContaining("schema version 0")
                .hasMessageContaining("needs version " + SchemaVersion.REQUIRED)
                .hasMessageContaining("./docflow migrate");
        assertThatThrownBy(() -> Database.forSubtask(settings)).isInstanceOf(SchemaOutdatedException.class);

        SchemaVersion first = Database.migrate(settings);
        SchemaVersion again = Database.migrate(settings);

        assertThat(first).isEqualTo(new SchemaVersion(SchemaVersion.REQUIRED, SchemaVersion.REQUIRED));
        assertThat(again).isEqualTo(new SchemaVersion(SchemaVersion.REQUIRED, 0));
        try (Database database = Database.forSubtask(settings)) {
            assertThat(database.knowledgeBases().ensure("tenant-schema-it", "kb").name()).isEqualTo("kb");
        }
    }

    @Test
    void aDatabaseOneMigrationBehindIsRefusedWithBothVersions() throws Exception {
        DatabaseSettings settings = freshDatabase();
        Database.migrate(settings);
        execute(settings, "DELETE FROM flyway_schema_history WHERE version = '" + SchemaVersion.REQUIRED + "'");

        assertThatThrownBy(() -> Database.pooled(settings, 2))
                .isInstanceOf(SchemaOutdatedException.class)
                .hasMessageContaining("schema version " + (SchemaVersion.REQUIRED - 1));
    }

    /** A database of its own on the shared server, so that the schema starts empty. */
    private static DatabaseSettings freshDatabase() throws Exception {
        StackEndpoints stack = SharedStack.get();
        String name = "schema_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DatabaseSettings server = new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
        execute(server, "CREATE DATABASE " + name);
        String url = stack.jdbcUrl().substring(0, stack.jdbcUrl().lastIndexOf('/') + 1) + name;
        return new DatabaseSettings(url, stack.databaseUser(), stack.databasePassword());
    }

    private static void execute(DatabaseSettings settings, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
