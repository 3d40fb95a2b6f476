package dev.docflow.cli;

import dev.docflow.ingest.stream.KafkaSettings;
import java.io.PrintStream;

/** Tells people where the running parts are. */
final class Banner {
    private Banner() {}

    static void where(PrintStream out, LocalDeployment deployment, int agentPort) {
        out.println();
        out.println("  Flink dashboard   " + deployment.flinkDashboard());
        out.println("  Agent service     http://localhost:" + agentPort);
        out.println("  Elasticsearch     " + deployment.endpoints().elasticsearchUrl());
        out.println("  S3 (object store) " + deployment.endpoints().s3Endpoint());
        out.println("  PostgreSQL        " + deployment.endpoints().jdbcUrl());
        out.println("  Kafka             " + deployment.endpoints().kafkaBootstrapServers()
                + " (the streaming job ingests each upload event on " + KafkaSettings.DEFAULT_TOPIC + ")");
        out.println("  API keys          tenant demo: " + deployment.config().workDir().resolve(LocalDeployment.DEMO_KEY_FILE)
                + ", admin: " + deployment.config().workDir().resolve(LocalDeployment.ADMIN_KEY_FILE));
        if (deployment.newAdminKey() != null) {
            out.println("  New admin key     " + deployment.newAdminKey() + "  (creates tenants and their keys; kept in the file above)");
        }
        out.println();
    }
}
