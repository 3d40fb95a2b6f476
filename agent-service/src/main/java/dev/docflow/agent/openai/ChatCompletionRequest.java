package dev.docflow.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.agent.chat.ChatQuery;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.http.ChatRequestReader;
import dev.docflow.agent.InvalidRequestException;
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

    /**
     * @throws InvalidRequestException saying what is wrong with the body; the question and the
     *     earlier messages are bounded as {@code /api/chat}'s are ({@link ChatRequestReader})
     */
    public static ChatCompletionRequest parse(String body, ChatRequestReader reader) {
        JsonNode tree = reader.object(body, "{\"model\":\"<knowledge base>\",\"messages\":[…]}");
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
        String question = reader.question(turn(last, messages.size() - 1).text(), "The last message");
        return new ChatCompletionRequest(model.asText().strip(), question, reader.history(history), reader.bool(tree, "stream"),
                reader.bool(tree.path("stream_options"), "include_usage"), reader.topK(tree, "top_k"), reader.filter(tree));
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

    private static InvalidRequestException invalid(String code, String message) {
        return new InvalidRequestException(code, message);
    }
}
