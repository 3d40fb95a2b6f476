package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.http.ApiDocsPlugin;
import dev.docflow.agent.testutils.StackAgentConfig;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document describes every route, and only routes that exist: the routes registered on
 * the real app (as {@link AgentApp#create} builds it, against the real PostgreSQL) are compared with
 * the document's paths and methods, so a route added without documentation, or documentation left
 * for a route that is gone, fails the build. The document and its browsable UI are served, without
 * a key, by the real HTTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentationIT {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern ANGLE_PARAMETER = Pattern.compile("<([^>]+)>");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final HttpClient http = HttpClient.newHttpClient();
    private AgentApp app;
    private URI base;

    @BeforeAll
    void startTheService() {
        StackEndpoints stack = SharedStack.get();
        AgentConfig config = StackAgentConfig.of(stack, "api-docs-it-" + RUN);
        Database.migrate(StackAgentConfig.database(stack));
        app = AgentApp.create(config, Database.open(StackAgentConfig.database(stack)), EmbeddingModelChoice.DEFAULT.load());
        base = URI.create("http://127.0.0.1:" + app.start());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyRegisteredRouteIsDocumented() {
        assertThat(documentedRoutes())
                .as("routes the app registers must be in openapi/openapi.yaml")
                .containsAll(registeredRoutes());
    }

    @Test
    void everyDocumentedRouteIsRegistered() {
        assertThat(registeredRoutes())
                .as("routes in openapi/openapi.yaml must be registered by the app")
                .containsAll(documentedRoutes());
    }

    @Test
    void theDocumentIsServedAsJsonWithoutAKey() throws Exception {
        HttpResponse<String> response = get(ApiDocsPlugin.DOCUMENT_PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("paths").has("/api/chat")).isTrue();
        assertThat(document).isEqualTo(ApiDocsPlugin.document());
    }

    @Test
    void theDocsPageLoadsSwaggerUiFromTheWebjarAndPointsItAtTheDocument() throws Exception {
        HttpResponse<String> page = get(ApiDocsPlugin.UI_PATH);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("url: \"/openapi.json\"");
        Matcher script = Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"").matcher(page.body());
        assertThat(script.find()).as("the page loads swagger-ui-bundle.js from the webjar").isTrue();
        HttpResponse<String> bundle = get(script.group(1));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
    }

    @Test
    void theApiStillNeedsAKey() throws Exception {
        assertThat(get("/api/knowledge-bases").statusCode()).isEqualTo(401);
    }

    /** "METHOD /path" of every HTTP route on the app; before/after filters are not routes. */
    private Set<String> registeredRoutes() {
        Set<String> routes = new TreeSet<>();
        for (var parsed : app.javalin().unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = parsed.getEndpoint();
            if (endpoint.getMethod().isHttpMethod()) {
                // Javalin also takes <param>; OpenAPI writes every parameter as {param}
                routes.add(endpoint.getMethod().name() + " " + ANGLE_PARAMETER.matcher(endpoint.getPath()).replaceAll("{$1}"));
            }
        }
        return routes;
    }

    private static Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        ApiDocsPlugin.document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return routes;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
