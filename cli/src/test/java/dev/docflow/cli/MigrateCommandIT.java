package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.SchemaVersion;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./docflow migrate} against the real PostgreSQL, on a database of its own. */
class MigrateCommandIT {
    @TempDir
    Path home;

    @Test
    void migratesTheConfiguredDatabaseOnceAfterWhichJobsMayOpenIt() throws Exception {
        StackEndpoints stack = SharedStack.get();
        String name = "migrate_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String url = stack.jdbcUrl().substring(0, stack.jdbcUrl().lastIndexOf('/') + 1) + name;
        DocflowConfig config = DocflowConfig.load(home, Map.of("DOCFLOW_DATABASE_URL", url,
                "DOCFLOW_DATABASE_USER", stack.databaseUser(), "DOCFLOW_DATABASE_PASSWORD", stack.databasePassword()));

        Run first = migrate(config);
        Run second = migrate(config);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Database " + url + ": schema at version " + SchemaVersion.REQUIRED
                + " (" + SchemaVersion.REQUIRED + " migrations applied)");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("schema already at version " + SchemaVersion.REQUIRED);
        try (Database database = Database.forSubtask(new DatabaseSettings(url, stack.databaseUser(), stack.databasePassword()))) {
            assertThat(database.knowledgeBases().ensure("migrate-it", "kb").tenantId()).isEqualTo("migrate-it");
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsOneLineAndExitCodeOne() throws Exception {
        DocflowConfig config = DocflowConfig.load(home, Map.of("DOCFLOW_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none",
                "DOCFLOW_DATABASE_CONNECTION_TIMEOUT_SECONDS", "1"));

        Run run = migrate(config);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("docflow migrate: ");
    }

    private static Run migrate(DocflowConfig config) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Docflow.commandLine(config);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute("migrate");
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {}
}
