package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** A request body that must be a JSON object; anything else is a 400 saying so. */
final class JsonBodies {
    private JsonBodies() {}

    static JsonNode object(Context ctx, ObjectMapper json) {
        JsonNode tree;
        try {
            tree = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("invalid_json", "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRequestException("invalid_request", "The body must be a JSON object");
        }
        return tree;
    }
}
