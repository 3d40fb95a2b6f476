package dev.docflow.agent.http;

import dev.docflow.agent.retrieval.RetrievalMode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of {@code POST /api/chat}: {@code {"knowledgeBase":"demo","message":"…"}}, and optionally
 * {@code "retrieval": "hybrid" | "bm25" | "knn"} (default hybrid).
 */
public record ChatRequest(String knowledgeBase, String message, RetrievalMode retrieval) {
    /** Longer messages are not questions; the bound also caps embedding work per request. */
    public static final int MAX_MESSAGE_CHARS = 4_000;

    /** @throws InvalidRequestException saying what is wrong with the body */
    public static ChatRequest parse(String body, ObjectMapper json) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("invalid_json", "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRequestException("invalid_request",
                    "The body must be a JSON object: {\"knowledgeBase\":\"…\",\"message\":\"…\"}");
        }
        String knowledgeBase = requiredText(tree, "knowledgeBase");
        String message = requiredText(tree, "message");
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw new InvalidRequestException("invalid_request",
                    "\"message\" is " + message.length() + " characters; the limit is " + MAX_MESSAGE_CHARS);
        }
        return new ChatRequest(knowledgeBase.strip(), message.strip(), retrievalMode(tree));
    }

    private static RetrievalMode retrievalMode(JsonNode tree) {
        JsonNode value = tree.get("retrieval");
        if (value == null || value.isNull()) {
            return RetrievalMode.HYBRID;
        }
        RetrievalMode mode = value.isTextual() ? RetrievalMode.parse(value.asText()) : null;
        if (mode == null) {
            throw new InvalidRequestException("invalid_request", "\"retrieval\" must be \"hybrid\", \"bm25\" or \"knn\"");
        }
        return mode;
    }

    private static String requiredText(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRequestException("invalid_request", "\"" + field + "\" is required and must be a non-empty string");
        }
        return value.asText();
    }
}
