package dev.docflow.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document is valid and complete in itself: the reference parser finds
 * nothing wrong with it, and every operation says who may call it and what its errors look like.
 * That it lists exactly the routes the app registers is {@code ApiDocumentationIT}'s job.
 */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final JsonNode document = ApiDocsPlugin.document();

    @Test
    void theReferenceParserFindsNothingWrong() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(new ObjectMapper().writeValueAsString(document), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(document.path("openapi").asText()).startsWith("3.");
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        collectUnresolved(document, unresolved);

        assertThat(unresolved).isEmpty();
    }

    @Test
    void keysAreBearerOrXApiKeyAndOnlyTheServicesOwnRoutesNeedNone() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("bearerKey").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("apiKeyHeader").path("name").asText()).isEqualTo("X-API-Key");
        assertThat(schemes.path("apiKeyHeader").path("in").asText()).isEqualTo("header");

        operations().forEach((route, operation) -> {
            boolean open = operation.has("security") && operation.path("security").isEmpty();
            boolean keyed = route.contains(" /api/") || route.contains(" /v1/");
            assertThat(open).as("%s needs no key exactly when it is outside /api and /v1", route).isEqualTo(!keyed);
            if (keyed) {
                assertThat(operation.path("responses").has("401")).as("%s documents 401", route).isTrue();
                assertThat(operation.path("responses").has("500")).as("%s documents 500", route).isTrue();
            }
        });
    }

    @Test
    void everyOperationHasAnIdASuccessAndItsPathParameters() {
        Set<String> ids = new HashSet<>();
        operations().forEach((route, operation) -> {
            assertThat(ids.add(operation.path("operationId").asText())).as("%s has a unique operationId", route).isTrue();
            assertThat(operation.path("tags").isEmpty()).as("%s has a tag", route).isFalse();
            List<String> statuses = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as("%s answers a 2xx", route).anyMatch(status -> status.startsWith("2"));
        });
        document.path("paths").fields().forEachRemaining(path -> {
            Matcher parameter = PATH_PARAMETER.matcher(path.getKey());
            while (parameter.find()) {
                String name = parameter.group(1);
                path.getValue().fields().forEachRemaining(method -> {
                    if (METHODS.contains(method.getKey())) {
                        assertThat(declaresPathParameter(path.getValue(), name) || declaresPathParameter(method.getValue(), name))
                                .as("%s %s declares the path parameter %s", method.getKey(), path.getKey(), name).isTrue();
                    }
                });
            }
        });
    }

    @Test
    void theErrorBodyIsTheOneTheServiceWrites() {
        JsonNode error = document.path("components").path("schemas").path("Error");

        assertThat(error.path("required")).extracting(JsonNode::asText).containsExactly("error");
        assertThat(error.path("properties").path("error").path("required")).extracting(JsonNode::asText)
                .containsExactly("code", "message");
        JsonNode tooMany = document.path("components").path("responses").path("TooManyRequests");
        assertThat(tooMany.path("headers").has("Retry-After")).isTrue();
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    private boolean declaresPathParameter(JsonNode holder, String name) {
        for (JsonNode parameter : holder.path("parameters")) {
            JsonNode resolved = parameter.has("$ref") ? resolve(parameter.path("$ref").asText()) : parameter;
            if (resolved != null && "path".equals(resolved.path("in").asText()) && name.equals(resolved.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private void collectUnresolved(JsonNode node, List<String> unresolved) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.path("$ref").asText();
            if (resolve(ref) == null) {
                unresolved.add(ref);
            }
        }
        node.forEach(child -> collectUnresolved(child, unresolved));
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode target = document.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }
}
