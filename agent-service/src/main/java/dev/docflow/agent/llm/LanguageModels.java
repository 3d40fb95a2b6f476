package dev.docflow.agent.llm;

import dev.docflow.agent.conversation.ContextCarryOver;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the OpenAI clients are built from {@link LanguageModelSettings}, and the service's
 * language-model collaborators with them. Each client holds one JDK HTTP client (with its connection
 * pool), so build them once per service, not per request.
 */
public final class LanguageModels {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageModels.class);

    private LanguageModels() {}

    /** The answer provider of {@code answer.provider=language-model}. */
    public static LanguageModelAnswerProvider answerProvider(LanguageModelSettings settings) {
        LOG.info("answers written by language model {}", settings); // toString leaves the key out
        return new LanguageModelAnswerProvider(streaming(settings), settings);
    }

    /** The follow-up rewriter that goes with it; {@link ContextCarryOver} when the model fails. */
    public static LanguageModelRewriter followUpRewriter(LanguageModelSettings settings) {
        return new LanguageModelRewriter(chat(settings), settings, new ContextCarryOver());
    }

    static StreamingChatModel streaming(LanguageModelSettings settings) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .apiKey(apiKey(settings))
                .timeout(settings.timeout())
                .build();
    }

    static ChatModel chat(LanguageModelSettings settings) {
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .apiKey(apiKey(settings))
                .timeout(settings.timeout())
                // a rewrite that fails falls back at once; retrying would only make the user wait longer
                .maxRetries(0)
                .build();
    }

    /** Local servers (Ollama, vLLM) take no key: send no Authorization header rather than an empty one. */
    private static String apiKey(LanguageModelSettings settings) {
        return settings.apiKey().isEmpty() ? null : settings.apiKey();
    }
}
