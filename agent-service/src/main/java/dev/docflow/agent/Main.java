package dev.docflow.agent;

import dev.docflow.agent.operations.LogOutput;
import dev.docflow.connectors.postgres.Database;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the agent service on its own: {@code java dev.docflow.agent.Main [config.properties]}. The
 * file may also be named by {@code DOCFLOW_CONFIG}; {@code DOCFLOW_*} variables override it (see
 * {@link AgentConfig}). The only place the environment is read. SIGTERM (or Ctrl-C) stops the service
 * gracefully ({@link AgentApp#stop()}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path file = args.length > 0 ? Path.of(args[0])
                : env.containsKey("DOCFLOW_CONFIG") ? Path.of(env.get("DOCFLOW_CONFIG")) : null;
        AgentConfig config;
        try {
            config = AgentConfig.load(file, env);
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogOutput.apply(config.operations().logFormat());
        // the service owns the schema: it migrates before it reads, the ingestion jobs only check it
        Database.migrate(config.database());
        Database database = Database.pooled(config.database(), config.limits().maxDatabaseConnections());
        AgentApp app = AgentApp.create(config, database, config.retrieval().embeddingModel().load());
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "agent-shutdown"));
        int port = app.start();
        System.out.println("Docflow agent service listening on http://" + config.httpHost() + ":" + port);
    }
}
