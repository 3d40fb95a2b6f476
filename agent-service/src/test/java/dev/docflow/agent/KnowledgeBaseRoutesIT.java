package dev.docflow.agent;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.testutils.StackAgentConfig;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.KnowledgeBase;
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
 * The knowledge-base status routes over HTTP against the real PostgreSQL: summaries, documents
 * by status with their failure reasons, paging, and tenants kept apart. Until API keys exist the
 * test names the tenant in a header of its own resolver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBaseRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "initech-" + RUN;
    private static final String OTHER_TENANT = "hooli-" + RUN;

    private final HttpClient http = HttpClient.newHttpClient();
    private AgentApp app;
    private URI base;
    private UUID report;
    private UUID scan;

    @BeforeAll
    void recordDocumentsAndStartTheService() {
        StackEndpoints stack = SharedStack.get();
        DatabaseSettings databaseSettings = new DatabaseSettings(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
        Database.migrate(databaseSettings);
        Database database = Database.open(databaseSettings);
        KnowledgeBase kb = database.knowledgeBases().ensure(TENANT, "contracts");
        database.knowledgeBases().ensure(OTHER_TENANT, "secrets");
        report = UUID.randomUUID();
        scan = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        database.documents().markProcessing(report, kb.id(), "k/report.pdf", "report.pdf", 1000, "e1");
        database.documents().settleIndexed(report, "k/report.pdf", 12, 30);
        database.documents().markProcessing(scan, kb.id(), "k/scan.pdf", "scan.pdf", 2000, "e2");
        database.documents().settleFailed(scan, "k/scan.pdf", Stage.PARSE, FailureReason.ENCRYPTED, "the document is encrypted");
        database.documents().markProcessing(pending, kb.id(), "k/zeta.docx", "zeta.docx", 3000, "e3");

        AgentConfig config = StackAgentConfig.of(stack, "kb-routes-it-" + RUN);
        app = AgentApp.create(config, database, EmbeddingModelChoice.DEFAULT.load(), ctx -> ctx.header("X-Test-Tenant"));
        base = URI.create("http://127.0.0.1:" + app.start());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aSummaryCountsDocumentsByStatusAndTheIndexedChunks() throws Exception {
        JsonNode summary = get(TENANT, "/api/knowledge-bases/contracts").body();

        assertThat(summary.path("name").asText()).isEqualTo("contracts");
        assertThat(summary.path("documents").asLong()).isEqualTo(3);
        assertThat(summary.path("documentsByStatus").path("indexed").asLong()).isEqualTo(1);
        assertThat(summary.path("documentsByStatus").path("failed").asLong()).isEqualTo(1);
        assertThat(summary.path("documentsByStatus").path("processing").asLong()).isEqualTo(1);
        assertThat(summary.path("chunks").asLong()).isEqualTo(30);
        assertThat(get(TENANT, "/api/knowledge-bases").body().path("knowledgeBases"))
                .extracting(kb -> kb.path("name").asText()).containsExactly("contracts");
    }

    @Test
    void aFailedDocumentShowsItsStageAndReason() throws Exception {
        JsonNode failed = get(TENANT, "/api/knowledge-bases/contracts/documents?status=failed").body();

        assertThat(failed.path("total").asLong()).isEqualTo(1);
        JsonNode document = failed.path("documents").get(0);
        assertThat(document.path("id").asText()).isEqualTo(scan.toString());
        assertThat(document.path("failure").path("stage").asText()).isEqualTo("parse");
        assertThat(document.path("failure").path("reason").asText()).isEqualTo("encrypted");
        assertThat(document.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");

        JsonNode one = get(TENANT, "/api/knowledge-bases/contracts/documents/" + report).body();
        assertThat(one.path("status").asText()).isEqualTo("indexed");
        assertThat(one.path("pageCount").asInt()).isEqualTo(12);
        assertThat(one.has("failure")).isFalse();
    }

    @Test
    void documentsArePagedByName() throws Exception {
        JsonNode first = get(TENANT, "/api/knowledge-bases/contracts/documents?limit=2").body();
        JsonNode second = get(TENANT, "/api/knowledge-bases/contracts/documents?limit=2&offset=2").body();

        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("documents")).extracting(d -> d.path("fileName").asText()).containsExactly("report.pdf", "scan.pdf");
        assertThat(second.path("documents")).extracting(d -> d.path("fileName").asText()).containsExactly("zeta.docx");
    }

    @Test
    void anotherTenantsKnowledgeBaseAndDocumentsAreNotFound() throws Exception {
        assertThat(get(OTHER_TENANT, "/api/knowledge-bases/contracts").status()).isEqualTo(404);
        assertThat(get(OTHER_TENANT, "/api/knowledge-bases/contracts/documents").status()).isEqualTo(404);
        assertThat(get(OTHER_TENANT, "/api/knowledge-bases/contracts/documents/" + report).status()).isEqualTo(404);
        assertThat(get(OTHER_TENANT, "/api/knowledge-bases").body().path("knowledgeBases"))
                .extracting(kb -> kb.path("name").asText()).containsExactly("secrets");
        assertThat(get(TENANT, "/api/knowledge-bases/secrets").status()).isEqualTo(404);
    }

    @Test
    void badQueryParametersAreAnsweredWith400() throws Exception {
        Reply status = get(TENANT, "/api/knowledge-bases/contracts/documents?status=done");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body().path("error").path("code").asText()).isEqualTo("invalid_status");
        assertThat(get(TENANT, "/api/knowledge-bases/contracts/documents?limit=0").status()).isEqualTo(400);
        assertThat(get(TENANT, "/api/knowledge-bases/contracts/documents/not-a-uuid").status()).isEqualTo(404);
    }

    private record Reply(int status, JsonNode body) {}

    private Reply get(String tenant, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("X-Test-Tenant", tenant)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }
}
