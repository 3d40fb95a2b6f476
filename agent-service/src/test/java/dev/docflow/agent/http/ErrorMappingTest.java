package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.answer.AnswerDeadlineExceededException;
import dev.docflow.agent.chat.TooManyConcurrentAnswersException;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException;
import dev.docflow.agent.llm.LanguageModelSettings;
import dev.docflow.agent.llm.LanguageModelUnavailableException;
import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The error contract on a bare Javalin with routes that fail on purpose (no other server involved). */
class ErrorMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        app = Javalin.create(config -> config.showJavalinBanner = false);
        ErrorMapping.register(app);
        app.before(new RequestIds());
        app.get("/bad", ctx -> {
            throw new InvalidRequestException("invalid_request", "\"message\" is required");
        });
        app.get("/missing", ctx -> {
            throw new KnowledgeBaseNotFoundException("handbook");
        });
        app.get("/unauthorized", ctx -> {
            throw new UnauthorizedResponse("Unknown API key");
        });
        app.get("/model-down", ctx -> {
            LanguageModelSettings model = new LanguageModelSettings("http://10.0.0.9:8000/v1", "llama3.1", "sk-secret-key",
                    Duration.ofSeconds(60), 24_000, 6);
            throw new LanguageModelUnavailableException(model, "answered HTTP 503", new IllegalStateException("sk-secret-key"));
        });
        app.get("/busy", ctx -> {
            throw new TooManyConcurrentAnswersException("acme", 8, 1);
        });
        app.get("/late", ctx -> {
            throw new AnswerDeadlineExceededException(Duration.ofSeconds(120));
        });
        app.get("/database-down", ctx -> {
            // what Jdbi throws when the pool cannot reach PostgreSQL
            throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLTransientConnectionException(
                    "docflow-db - Connection is not available, request timed out after 5000ms", "08001"));
        });
        app.get("/search-down", ctx -> {
            throw new IllegalStateException("retrieval failed", new dev.docflow.connectors.elasticsearch.IndexUnavailableException(
                    "Elasticsearch at http://10.0.0.8:9200 is unreachable", new java.net.ConnectException("Connection refused")));
        });
        app.get("/broken", ctx -> {
            throw new IllegalStateException("connection to 10.0.0.7:5432 refused");
        });
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body()).path("error");
    }

    @Test
    void aServerThatIsDownIs503NamingItWithRetryAfterAndNoDetail() throws Exception {
        for (String[] route : new String[][] {{"/database-down", "database_unavailable"}, {"/search-down", "search_unavailable"}}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + route[0])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(route[0]).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains(Integer.toString(DependencyOutage.RETRY_AFTER_SECONDS));
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo(route[1]);
            assertThat(error.path("message").asText()).doesNotContain("10.0.0", "refused", "timed out");
            assertThat(error.path("requestId").asText()).isNotBlank();
        }
    }

    @Test
    void invalidRequestsAre400WithTheirCode() throws Exception {
        JsonNode error = get("/bad", 400);

        assertThat(error.path("code").asText()).isEqualTo("invalid_request");
        assertThat(error.path("message").asText()).isEqualTo("\"message\" is required");
    }

    @Test
    void anUnknownKnowledgeBaseIs404() throws Exception {
        assertThat(get("/missing", 404).path("code").asText()).isEqualTo("knowledge_base_not_found");
    }

    @Test
    void javalinsOwnHttpErrorsKeepTheirStatus() throws Exception {
        assertThat(get("/unauthorized", 401).path("code").asText()).isEqualTo("unauthorized");
        assertThat(get("/no-such-route", 404).path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void aFailingLanguageModelIs502NamingNeitherItsUrlNorItsKey() throws Exception {
        JsonNode error = get("/model-down", 502);

        assertThat(error.path("code").asText()).isEqualTo("language_model_unavailable");
        assertThat(error.path("message").asText())
                .isEqualTo("The language model answered HTTP 503; try again later")
                .doesNotContain("10.0.0.9").doesNotContain("llama3.1").doesNotContain("sk-secret-key");
        assertThat(error.path("requestId").asText()).hasSize(36);
    }

    @Test
    void aTenantOverALimitIs429WithRetryAfterAndTheLimitsCode() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/busy")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("too_many_concurrent_answers");
        assertThat(get("/late", 504).path("code").asText()).isEqualTo("answer_deadline_exceeded");
    }

    @Test
    void anythingElseIsA500ThatLeaksNothing() throws Exception {
        JsonNode error = get("/broken", 500);

        assertThat(error.path("code").asText()).isEqualTo("internal_error");
        assertThat(error.path("message").asText()).doesNotContain("10.0.0.7").doesNotContain("IllegalStateException")
                .contains(error.path("requestId").asText());
    }
}
