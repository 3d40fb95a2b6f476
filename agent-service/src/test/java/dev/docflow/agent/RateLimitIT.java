package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.auth.ApiKeys;
import dev.docflow.agent.testutils.StackAgentConfig;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A tenant over its requests per minute gets 429 with Retry-After; other tenants go on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final HttpClient http = HttpClient.newHttpClient();
    private AgentApp app;
    private URI base;
    private String busy;
    private String quiet;

    @BeforeAll
    void start() {
        StackEndpoints stack = SharedStack.get();
        DatabaseSettings databaseSettings = new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
        Database.migrate(databaseSettings);
        Database database = Database.open(databaseSettings);
        ApiKeys keys = new ApiKeys(database.apiKeys());
        busy = keys.issue("busy-" + RUN, "it");
        quiet = keys.issue("quiet-" + RUN, "it");
        AgentConfig stackConfig = StackAgentConfig.of(stack, "rate-it-" + RUN);
        AgentConfig config = new AgentConfig(stackConfig.httpHost(), stackConfig.httpPort(), stackConfig.elasticsearch(),
                stackConfig.database(), "", stackConfig.retrieval(), stackConfig.answer(), stackConfig.uploads(), 2);
        app = AgentApp.create(config, database, EmbeddingModelChoice.DEFAULT.load());
        base = URI.create("http://127.0.0.1:" + app.start());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aTenantOverItsLimitGets429AndTheOthersDoNot() throws Exception {
        assertThat(list(busy).statusCode()).isEqualTo(200);
        assertThat(list(busy).statusCode()).isEqualTo(200);

        HttpResponse<String> third = list(busy);

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        assertThat(new ObjectMapper().readTree(third.body()).path("error").path("code").asText()).isEqualTo("too_many_requests");
        assertThat(list(quiet).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> list(String key) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases")).header("Authorization", "Bearer " + key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
