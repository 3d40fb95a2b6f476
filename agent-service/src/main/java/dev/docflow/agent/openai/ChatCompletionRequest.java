package dev.docflow.agent.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.chat.ChatQuery;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.http.ChatRequest;
import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.http.RetrievalFilters;
import dev.docflow.agent.retrieval.RetrievalFilter;
import dev.docflow.agent.retrieval.RetrievalMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/chat/completions} as Docflow reads it: {@code model} names the
 * knowledge base; {@code messages} are OpenAI chat messages, the last a {@code user} message (the
 * question), earlier {@code user}/{@code assistant} ones its history, {@code system} and
 * {@code developer} ones ignored; {@code content} is a string or an array of
 * {@code {"type":"text","text":…}} parts. {@code stream} and {@code stream_options.include_usage}
 * are honoured; OpenAI's other fields ({@code temperature}, {@code max_tokens}, …) are accepted and
 * ignored. Docflow extras: {@code top_k} and {@code filter} (as on {@code /api/chat}).
 *
 * @param history the earlier messages, oldest first
 */
public record ChatCompletionRequest(
        String model,
        String message,
        List<Turn> history,
        boolean stream,
        boolean includeUsage,
        Integer topK,
        RetrievalFilter filter) {
    /** More earlier messages than this are not a conversation a follow-up could lean on. */
    public static final int MAX_MESSAGES = 100;

    public ChatCompletionRequest {
        history = List.copyOf(history);
    }

    /** @throws InvalidRequestException saying what is wrong with the body */
    public static ChatCompletionRequest parse(String body, ObjectMapper json) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("invalid_json", "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("invalid_request", "The body must be a JSON object: {\"model\":\"<knowledge base>\",\"messages\":[…]}");
        }
        JsonNode model = tree.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw invalid("invalid_request", "\"model\" is required: the name of a knowledge base (GET /v1/models lists them)");
        }
        JsonNode messages = tree.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw invalid("invalid_request", "\"messages\" is required and must be a non-empty array");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw invalid("invalid_request", "\"messages\" holds " + messages.size() + " messages; the limit is " + MAX_MESSAGES);
        }
        JsonNode last = messages.get(messages.size() - 1);
        if (!"user".equals(last.path("role").asText())) {
            throw invalid("invalid_request", "The last of \"messages\" must be the question: a message of role \"user\"");
        }
        List<Turn> history = new ArrayList<>();
        for (int i = 0; i < messages.size() - 1; i++) {
            Turn turn = turn(messages.get(i), i);
            if (turn != null && !turn.text().isBlank()) {
                history.add(turn);
            }
        }
        String question = turn(last, messages.size() - 1).text().strip();
        if (question.isEmpty()) {
            throw invalid("invalid_request", "The last message's content is empty");
        }
        if (question.length() > ChatRequest.MAX_MESSAGE_CHARS) {
            throw invalid("invalid_request", "The last message is " + question.length() + " characters; the limit is "
                    + ChatRequest.MAX_MESSAGE_CHARS);
        }
        return new ChatCompletionRequest(model.asText().strip(), question, history, bool(tree, "stream"),
                bool(tree.path("stream_options"), "include_usage"), topK(tree), RetrievalFilters.parse(tree.get("filter")));
    }

    /** As the service takes it, for {@code tenant}: stateless, so nothing is stored. */
    public ChatQuery query(String tenant) {
        return new ChatQuery(tenant, model, message, null, history, RetrievalMode.HYBRID, filter, topK, false);
    }

    /** The message as a turn; null for a message the answer does not depend on (system, developer). */
    private static Turn turn(JsonNode message, int i) {
        String at = "\"messages[" + i + "]\"";
        if (!message.isObject() || !message.path("role").isTextual()) {
            throw invalid("invalid_request", at + " must be an object with a \"role\" and a \"content\"");
        }
        String role = message.get("role").asText();
        return switch (role) {
            case "system", "developer" -> null;
            case "user" -> Turn.user(text(message.get("content"), at));
            case "assistant" -> Turn.assistant(text(message.get("content"), at));
            default -> throw invalid("invalid_request", at + " has role \"" + role
                    + "\"; Docflow takes \"system\", \"developer\", \"user\" and \"assistant\" messages");
        };
    }

    /** A message's text: its content string, or its text parts joined by blank lines. */
    private static String text(JsonNode content, String at) {
        if (content == null || content.isNull()) {
            return ""; // an assistant message that only called tools
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw invalid("invalid_request", at + " content must be a string or an array of text parts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                throw invalid("invalid_request", at + " has a content part of type \"" + part.path("type").asText()
                        + "\"; Docflow reads text parts only: {\"type\":\"text\",\"text\":\"…\"}");
            }
            texts.add(part.get("text").asText());
        }
        return String.join("\n\n", texts);
    }

    private static boolean bool(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid("invalid_request", "\"" + field + "\" must be true or false");
        }
        return value.asBoolean();
    }

    private static Integer topK(JsonNode tree) {
        JsonNode value = tree.get("top_k");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.asInt() < 1 || value.asInt() > ChatRequest.MAX_TOP_K) {
            throw invalid("invalid_request", "\"top_k\" must be a whole number from 1 to " + ChatRequest.MAX_TOP_K);
        }
        return value.asInt();
    }

    private static InvalidRequestException invalid(String code, String message) {
        return new InvalidRequestException(code, message);
    }
}
