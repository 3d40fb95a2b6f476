package dev.docflow.agent.testutils;

import dev.docflow.agent.AgentApp;
import dev.docflow.agent.AgentConfig;
import dev.docflow.agent.ServiceLimits;
import dev.docflow.agent.auth.ApiKeys;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.net.URI;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The agent service running against the shared stack over a fresh {@link HandbookFixture}, with a
 * client holding a key of the fixture's tenant. What the service ITs start from.
 */
public final class ServedHandbook implements AutoCloseable {
    public final HandbookFixture fixture;
    public final Database database;
    /** Calls as the fixture's tenant. */
    public final ApiClient client;
    private final AgentApp app;

    private ServedHandbook(HandbookFixture fixture, Database database, AgentApp app, ApiClient client) {
        this.fixture = fixture;
        this.database = database;
        this.app = app;
        this.client = client;
    }

    public static ServedHandbook start(String name) throws Exception {
        return start(name, UnaryOperator.identity());
    }

    /** @param configure adjusts the service's configuration (the stack's connections are set) */
    public static ServedHandbook start(String name, UnaryOperator<AgentConfig> configure) throws Exception {
        StackEndpoints stack = SharedStack.get();
        EmbeddingModel model = EmbeddingModelChoice.DEFAULT.load();
        // pooled, as Main opens it: a flood of requests costs no connection set-up each
        Database.migrate(StackAgentConfig.database(stack));
        Database database = Database.pooled(StackAgentConfig.database(stack), ServiceLimits.DEFAULT_MAX_DATABASE_CONNECTIONS);
        HandbookFixture fixture = HandbookFixture.create(stack, database, model, name + "-" + UUID.randomUUID().toString().substring(0, 8));
        AgentApp app = AgentApp.create(configure.apply(StackAgentConfig.of(stack, fixture.elasticsearch.indexAlias())), database, model);
        URI base = URI.create("http://127.0.0.1:" + app.start());
        String key = new ApiKeys(database.apiKeys()).issue(fixture.tenant, name);
        return new ServedHandbook(fixture, database, app, new ApiClient(base, key));
    }

    /** A client holding a new key of {@code tenant}. */
    public ApiClient clientOf(String tenant) {
        return client.withKey(new ApiKeys(database.apiKeys()).issue(tenant, "served-handbook"));
    }

    @Override
    public void close() throws Exception {
        app.close();
        fixture.dropIndex();
        database.close();
    }
}
