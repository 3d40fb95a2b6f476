package dev.docflow.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.plugin.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The API's documentation, served without a key (both routes are outside {@code /api}):
 * {@code GET /openapi.json}, the hand-written {@code openapi/openapi.yaml} as JSON, and
 * {@code GET /docs}, Swagger UI from its webjar (under {@code /webjars/}) pointed at it.
 *
 * <p>The document is read and converted once, when the app is built: a document that does not
 * parse stops the service from starting rather than failing a request. That every route is in the
 * document, and only routes that exist, is checked by {@code ApiDocumentationIT}.
 */
public final class ApiDocsPlugin extends Plugin<Void> {
    public static final String DOCUMENT_PATH = "/openapi.json";
    public static final String UI_PATH = "/docs";
    static final String DOCUMENT_RESOURCE = "openapi/openapi.yaml";
    private static final String PAGE_RESOURCE = "openapi/docs.html";
    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final String documentJson;
    private final String page;

    public ApiDocsPlugin() {
        try {
            this.documentJson = new ObjectMapper().writeValueAsString(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.page = resourceText(PAGE_RESOURCE).replace("${swaggerUiVersion}", swaggerUiVersion());
    }

    /** The OpenAPI document, parsed from its YAML. */
    public static JsonNode document() {
        try (InputStream in = resource(DOCUMENT_RESOURCE)) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DOCUMENT_RESOURCE, e);
        }
    }

    @Override
    public void onInitialize(JavalinConfig config) {
        config.staticFiles.enableWebjars();
    }

    @Override
    public void onStart(JavalinConfig config) {
        config.router.mount(router -> {
            router.get(DOCUMENT_PATH, ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(documentJson));
            router.get(UI_PATH, ctx -> ctx.html(page));
        });
    }

    /** The version of the Swagger UI webjar on the class path: its files live under that version's folder. */
    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(SWAGGER_UI_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SWAGGER_UI_POM, e);
        }
        return pom.getProperty("version");
    }

    private static String resourceText(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ApiDocsPlugin.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path: is the agent service's jar (or the "
                    + "org.webjars:swagger-ui jar) missing from it?");
        }
        return in;
    }
}
