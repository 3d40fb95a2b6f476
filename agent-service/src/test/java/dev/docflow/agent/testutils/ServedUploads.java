package dev.docflow.agent.testutils;

import dev.docflow.agent.AgentApp;
import dev.docflow.agent.AgentConfig;
import dev.docflow.agent.answer.AnswerSettings;
import dev.docflow.agent.retrieval.RetrievalSettings;
import dev.docflow.agent.upload.UploadSettings;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.net.URI;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The agent service on the shared stack for upload tests: real object store, PostgreSQL, Kafka
 * (its own topic) and Elasticsearch (its own index), the tenant named by a test header, the upload
 * settings as the test tunes them. No embedding model of weight: uploads do not embed.
 */
public final class ServedUploads implements AutoCloseable {
    public final StackEndpoints stack;
    public final Database database;
    public final ObjectStore store;
    public final String topic;
    public final AgentApp app;
    public final UploadClient client;

    private ServedUploads(StackEndpoints stack, Database database, ObjectStore store, String topic, AgentApp app,
            UploadClient client) {
        this.stack = stack;
        this.database = database;
        this.store = store;
        this.topic = topic;
        this.app = app;
        this.client = client;
    }

    public static ServedUploads start(String tenant, long maxFileBytes, UnaryOperator<UploadSettings> tune) {
        StackEndpoints stack = SharedStack.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        DatabaseSettings databaseSettings = new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
        Database.migrate(databaseSettings);
        Database database = Database.open(databaseSettings);
        ObjectStoreSettings objectStore = new ObjectStoreSettings(stack.s3Endpoint(), stack.s3AccessKey(), stack.s3SecretKey(), null);
        String topic = "it.uploads." + run;
        AgentConfig config = new AgentConfig("127.0.0.1", 0, new ElasticsearchSettings(stack.elasticsearchUrl(), "uploads-" + run),
                databaseSettings, "", RetrievalSettings.defaults(), AnswerSettings.defaults(),
                tune.apply(new UploadSettings(objectStore, stack.kafkaBootstrapServers(), topic, maxFileBytes)));
        AgentApp app = AgentApp.create(config, database, new BagOfWordsEmbeddingModel(), ctx -> ctx.header("X-Test-Tenant"));
        UploadClient client = new UploadClient(URI.create("http://127.0.0.1:" + app.start()), tenant);
        return new ServedUploads(stack, database, new ObjectStore(objectStore), topic, app, client);
    }

    @Override
    public void close() {
        app.close();
    }
}
