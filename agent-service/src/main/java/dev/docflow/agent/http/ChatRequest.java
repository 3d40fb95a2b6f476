package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.chat.ChatQuery;
import dev.docflow.agent.retrieval.RetrievalFilter;
import dev.docflow.agent.retrieval.RetrievalMode;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;

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
    /** @throws InvalidRequestException saying what is wrong with the body */
    public static ChatRequest parse(String body, ChatRequestReader reader) {
        JsonNode tree = reader.object(body, "{\"knowledgeBase\":\"…\",\"message\":\"…\"}");
        String knowledgeBase = requiredText(tree, "knowledgeBase");
        JsonNode message = tree.get("message");
        String question = reader.question(message != null && message.isTextual() ? message.asText() : null, "\"message\"");
        return new ChatRequest(knowledgeBase.strip(), question, retrievalMode(tree), conversationId(tree),
                reader.bool(tree, "stream"), reader.topK(tree, "topK"), reader.filter(tree));
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
