package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.chat.ChatQuery;
import dev.docflow.agent.retrieval.RetrievalFilter;
import dev.docflow.agent.retrieval.RetrievalMode;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of {@code POST /api/chat}: {@code {"knowledgeBase":"demo","message":"…"}}, and optionally
 * {@code "conversationId"} (continue a conversation), {@code "stream": true} (server-sent events),
 * {@code "topK"}, {@code "filter": {"documentIds": […], "fileTypes": ["pdf"], "uploadedFrom":
 * "2026-01-01T00:00:00Z", "uploadedBefore": …}} and {@code "retrieval": "hybrid" | "bm25" | "knn"}.
 */
public record ChatRequest(
        String knowledgeBase,
        String message,
        RetrievalMode retrieval,
        UUID conversationId,
        boolean stream,
        Integer topK,
        RetrievalFilter filter) {
    /** Longer messages are not questions; the bound also caps embedding work per request. */
    public static final int MAX_MESSAGE_CHARS = 4_000;
    /** More passages than this would not fit an answer, nor a model's prompt. */
    public static final int MAX_TOP_K = 50;

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
        return new ChatRequest(knowledgeBase.strip(), message.strip(), retrievalMode(tree),
                conversationId(tree), bool(tree, "stream"), topK(tree), RetrievalFilters.parse(tree.get("filter")));
    }

    /** As the service takes it, for {@code tenant}. */
    public ChatQuery query(String tenant) {
        return new ChatQuery(tenant, knowledgeBase, message, conversationId, List.of(), retrieval, filter, topK, true);
    }

    private static UUID conversationId(JsonNode tree) {
        JsonNode value = tree.get("conversationId");
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_request", "\"conversationId\" must be a conversation id (a UUID)");
        }
    }

    private static boolean bool(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException("invalid_request", "\"" + field + "\" must be true or false");
        }
        return value.asBoolean();
    }

    private static Integer topK(JsonNode tree) {
        JsonNode value = tree.get("topK");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.asInt() < 1 || value.asInt() > MAX_TOP_K) {
            throw new InvalidRequestException("invalid_request", "\"topK\" must be a whole number from 1 to " + MAX_TOP_K);
        }
        return value.asInt();
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
