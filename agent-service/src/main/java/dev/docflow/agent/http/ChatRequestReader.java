package dev.docflow.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.ServiceLimits;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.retrieval.RetrievalFilter;
import java.util.List;

/**
 * The one parser of chat bodies: what {@code POST /api/chat} ({@link ChatRequest}) and
 * {@code POST /v1/chat/completions} ({@code ChatCompletionRequest}) have in common is read, checked
 * and bounded here, so the two routes cannot drift apart. Every failure is an
 * {@link InvalidRequestException} (400) whose code says what is wrong: {@code invalid_json},
 * {@code invalid_request}, {@code message_too_long}, {@code history_too_long}. Thread-safe.
 */
public final class ChatRequestReader {
    /** More passages than this would not fit an answer, nor a model's prompt. */
    public static final int MAX_TOP_K = 50;

    private final ObjectMapper json;
    private final ServiceLimits limits;

    public ChatRequestReader(ObjectMapper json, ServiceLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** The body as a JSON object; {@code shape} shows the caller what one looks like. */
    public JsonNode object(String body, String shape) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("invalid_json", "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRequestException("invalid_request", "The body must be a JSON object: " + shape);
        }
        return tree;
    }

    /**
     * The question, stripped: non-empty and within {@link ServiceLimits#maxMessageChars()}.
     *
     * @param what how the caller knows the field, for the message: {@code "message"}, {@code the last message}
     */
    public String question(String text, String what) {
        String question = text == null ? "" : text.strip();
        if (question.isEmpty()) {
            throw new InvalidRequestException("invalid_request", what + " is required and must be a non-empty string");
        }
        if (question.length() > limits.maxMessageChars()) {
            throw new InvalidRequestException("message_too_long", what + " is " + question.length()
                    + " characters; the limit is " + limits.maxMessageChars() + " (chat.max-message-chars)");
        }
        return question;
    }

    /** {@code history} if its messages together are within {@link ServiceLimits#maxHistoryChars()}. */
    public List<Turn> history(List<Turn> history) {
        long chars = history.stream().mapToLong(turn -> turn.text().length()).sum();
        if (chars > limits.maxHistoryChars()) {
            throw new InvalidRequestException("history_too_long", "The earlier messages hold " + chars
                    + " characters together; the limit is " + limits.maxHistoryChars()
                    + " (chat.max-history-chars): send only the latest ones");
        }
        return history;
    }

    /** {@code true}, {@code false}, or false when absent. */
    public boolean bool(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException("invalid_request", "\"" + field + "\" must be true or false");
        }
        return value.asBoolean();
    }

    /** Passages to retrieve, 1 to {@link #MAX_TOP_K}; null when absent (the configured default). */
    public Integer topK(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.asInt() < 1 || value.asInt() > MAX_TOP_K) {
            throw new InvalidRequestException("invalid_request", "\"" + field + "\" must be a whole number from 1 to " + MAX_TOP_K);
        }
        return value.asInt();
    }

    public RetrievalFilter filter(JsonNode tree) {
        return RetrievalFilters.parse(tree.get("filter"));
    }
}
