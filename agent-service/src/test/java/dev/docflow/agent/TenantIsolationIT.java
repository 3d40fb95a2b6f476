package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * API keys over HTTP against the real PostgreSQL: the admin key makes tenants and their keys, every
 * other route needs a tenant's key, and a tenant can neither list, read, chat over nor delete
 * another tenant's knowledge base.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN_KEY = "admin-key-for-this-test-" + RUN;

    private final HttpClient http = HttpClient.newHttpClient();
    private AgentApp app;
    private URI base;
    private String alpha;
    private String beta;

    @BeforeAll
    void start() throws Exception {
        StackEndpoints stack = SharedStack.get();
        DatabaseSettings databaseSettings = new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
        AgentConfig config = StackAgentConfig.of(stack, "tenants-it-" + RUN).withAdminKey(ADMIN_KEY);
        Database.migrate(databaseSettings);
        app = AgentApp.create(config, Database.open(databaseSettings), EmbeddingModelChoice.DEFAULT.load());
        base = URI.create("http://127.0.0.1:" + app.start());
        alpha = tenantWithKey("alpha-" + RUN);
        beta = tenantWithKey("beta-" + RUN);
        assertThat(call(alpha, "POST", "/api/knowledge-bases", "{\"name\":\"secrets\"}").status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void withoutAValidKeyEveryRouteIs401() throws Exception {
        assertThat(call(null, "GET", "/api/knowledge-bases", null).status()).isEqualTo(401);
        Reply wrong = call("dfk_not-a-key", "GET", "/api/knowledge-bases", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("error").path("code").asText()).isEqualTo("unauthorized");
        assertThat(call(null, "POST", "/api/chat", "{\"knowledgeBase\":\"secrets\",\"message\":\"hi\"}").status())
                .isEqualTo(401);
    }

    @Test
    void onlyTheAdminKeyManagesTenantsAndItReadsNoData() throws Exception {
        assertThat(call(alpha, "POST", "/api/admin/tenants", "{\"id\":\"gamma-" + RUN + "\"}").status()).isEqualTo(403);
        assertThat(call(ADMIN_KEY, "POST", "/api/admin/tenants", "{\"id\":\"alpha-" + RUN + "\"}").status()).isEqualTo(409);
        assertThat(call(ADMIN_KEY, "POST", "/api/admin/tenants/nobody-" + RUN + "/keys", "{}").status()).isEqualTo(404);
        assertThat(call(ADMIN_KEY, "GET", "/api/knowledge-bases", null).status()).isEqualTo(403);
    }

    @Test
    void aTenantCannotListReadChatOverOrDeleteAnothersKnowledgeBase() throws Exception {
        assertThat(call(alpha, "GET", "/api/knowledge-bases", null).body().path("knowledgeBases"))
                .extracting(kb -> kb.path("name").asText()).containsExactly("secrets");
        assertThat(call(beta, "GET", "/api/knowledge-bases", null).body().path("knowledgeBases")).isEmpty();
        assertThat(call(beta, "GET", "/api/knowledge-bases/secrets", null).status()).isEqualTo(404);
        assertThat(call(beta, "GET", "/api/knowledge-bases/secrets/documents", null).status()).isEqualTo(404);
        assertThat(call(beta, "POST", "/api/chat", "{\"knowledgeBase\":\"secrets\",\"message\":\"what is here?\"}").status())
                .isEqualTo(404);
        assertThat(call(beta, "DELETE", "/api/knowledge-bases/secrets", null).status()).isEqualTo(404);

        assertThat(call(alpha, "GET", "/api/knowledge-bases/secrets", null).status()).isEqualTo(200);
        assertThat(call(alpha, "POST", "/api/chat", "{\"knowledgeBase\":\"secrets\",\"message\":\"what is here?\"}").status())
                .isEqualTo(200);
    }

    private String tenantWithKey(String tenant) throws Exception {
        assertThat(call(ADMIN_KEY, "POST", "/api/admin/tenants", "{\"id\":\"" + tenant + "\"}").status()).isEqualTo(201);
        Reply key = call(ADMIN_KEY, "POST", "/api/admin/tenants/" + tenant + "/keys", "{\"name\":\"ci\"}");
        assertThat(key.status()).isEqualTo(201);
        assertThat(key.body().path("key").asText()).startsWith("dfk_");
        return key.body().path("key").asText();
    }

    private record Reply(int status, JsonNode body) {}

    private Reply call(String key, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }
}
