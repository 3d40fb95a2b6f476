package dev.docflow.agent.testutils;

import dev.docflow.agent.AgentConfig;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.localstack.StackEndpoints;

/** The service's configuration against the tests' shared stack: any free port, its own index alias. */
public final class StackAgentConfig {
    private StackAgentConfig() {}

    public static DatabaseSettings database(StackEndpoints stack) {
        return new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
    }

    public static ObjectStoreSettings objectStore(StackEndpoints stack) {
        return new ObjectStoreSettings(stack.s3Endpoint(), stack.s3AccessKey(), stack.s3SecretKey(), null);
    }

    public static AgentConfig of(StackEndpoints stack, String indexAlias) {
        return AgentConfig.of(new ElasticsearchSettings(stack.elasticsearchUrl(), indexAlias), database(stack))
                .withHttpPort(0)
                .withUploadsTo(objectStore(stack), stack.kafkaBootstrapServers());
    }
}
