package dev.docflow.agent.llm;

import dev.docflow.agent.conversation.FollowUpRewriter;
import dev.docflow.agent.conversation.Turn;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has the model rewrite a follow-up ("and on Windows?") into a question that stands on its own, so
 * retrieval finds what the conversation is about. A new conversation needs no rewrite and costs no
 * call. Rewriting only improves retrieval, so a model that fails, or answers nothing, does not fail
 * the chat: the message is carried over without a model instead, with a warning in the log.
 *
 * <p>Thread-safe when the model is (LangChain4j's OpenAI model is).
 */
public final class LanguageModelRewriter implements FollowUpRewriter {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageModelRewriter.class);
    static final String INSTRUCTIONS = String.join("\n",
            "You rewrite the last message of a conversation into a standalone question that can be understood without the conversation.",
            "Keep its meaning and language; add from the conversation only what the message refers to (the subject of \"it\", \"that\", \"and on Windows?\").",
            "If the message already stands on its own, repeat it unchanged.",
            "Reply with the question only: no answer, no explanation, no quotes.");
    /** An earlier answer is shown only this far: its subject is in its first sentences. */
    static final int MAX_TURN_CHARS = 1_000;

    private final ChatModel model;
    private final LanguageModelSettings settings;
    private final FollowUpRewriter fallback;

    /** @param model built by {@link LanguageModels#chat} from {@code settings} */
    public LanguageModelRewriter(ChatModel model, LanguageModelSettings settings, FollowUpRewriter fallback) {
        this.model = model;
        this.settings = settings;
        this.fallback = fallback;
    }

    @Override
    public String standalone(String message, List<Turn> history) {
        if (history.isEmpty()) {
            return message;
        }
        try {
            String rewritten = unquoted(model.chat(messages(message, history)).aiMessage().text());
            if (!rewritten.isEmpty()) {
                return rewritten;
            }
            LOG.warn("follow-up rewrite by language model {} was empty; carrying context over instead", settings.describe());
        } catch (RuntimeException e) {
            LOG.warn("follow-up rewrite failed; carrying context over instead: {}",
                    LanguageModelUnavailableException.of(settings, e).getMessage());
        }
        return fallback.standalone(message, history);
    }

    /** The conversation as one transcript: as separate turns, models tend to answer rather than rewrite. */
    List<ChatMessage> messages(String message, List<Turn> history) {
        StringBuilder transcript = new StringBuilder("Conversation:\n");
        for (Turn turn : AnswerPrompt.latest(history, settings.maxHistoryTurns(), settings.maxHistoryChars())) {
            String text = turn.text().strip();
            if (text.length() > MAX_TURN_CHARS) {
                text = text.substring(0, MAX_TURN_CHARS) + " …";
            }
            transcript.append(turn.role() == Turn.Role.USER ? "User: " : "Assistant: ").append(text).append('\n');
        }
        transcript.append("\nLast message: ").append(message.strip()).append("\n\nStandalone question:");
        return List.of(SystemMessage.from(INSTRUCTIONS), UserMessage.from(transcript.toString()));
    }

    private static String unquoted(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() >= 2 && "\"'“`".indexOf(stripped.charAt(0)) >= 0
                && "\"'”`".indexOf(stripped.charAt(stripped.length() - 1)) >= 0) {
            stripped = stripped.substring(1, stripped.length() - 1).strip();
        }
        return stripped;
    }
}
