package dev.docflow.cli;

import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.SchemaVersion;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Bring the metadata database's schema up to this build's (PostgreSQL, database.url /",
            ".user / .password of docflow.properties or DOCFLOW_DATABASE_*). The agent service migrates at start",
            "and ./docflow up/demo migrate their own stack; the ingestion jobs never do, and refuse to start on an",
            "older schema: run this once before jobs submitted to a cluster of your own meet a new database."})
final class MigrateCommand implements Callable<Integer> {
    private final DocflowConfig config;

    @Spec
    CommandSpec spec;

    MigrateCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        DatabaseSettings database = config.agent().database();
        SchemaVersion schema = Database.migrate(database);
        PrintWriter out = spec.commandLine().getOut();
        out.println(schema.applied() == 0
                ? "Database " + database.jdbcUrl() + ": schema already at version " + schema.version()
                : "Database " + database.jdbcUrl() + ": schema at version " + schema.version() + " ("
                        + schema.applied() + (schema.applied() == 1 ? " migration" : " migrations") + " applied)");
        out.flush();
        return 0;
    }
}
