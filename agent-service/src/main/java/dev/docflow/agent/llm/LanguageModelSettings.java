package dev.docflow.agent.llm;

import java.time.Duration;

/**
 * Where the language model is and how much to send it. Checked by {@code AgentConfig} when
 * {@code answer.provider=language-model}.
 *
 * @param baseUrl the OpenAI-compatible API root, version included: {@code https://api.openai.com/v1},
 *     {@code http://127.0.0.1:11434/v1} (Ollama); requests go to {@code baseUrl/chat/completions}
 * @param model the model name the server knows, e.g. {@code gpt-4o-mini}
 * @param apiKey sent as a bearer token; empty for servers that need none. Never logged nor shown.
 * @param timeout longest wait for the model's reply to start, and between two pieces of a streamed one
 * @param maxPassageChars most passage text one prompt holds; the passages after it are not sent
 *     (the first one always is, cut to this length)
 * @param maxHistoryTurns how many of the conversation's latest messages go with a question
 * @param maxHistoryChars most characters of those messages one prompt holds, newest kept first; the
 *     message that crosses the budget is cut to what is left of it
 */
public record LanguageModelSettings(
        String baseUrl, String model, String apiKey, Duration timeout, int maxPassageChars, int maxHistoryTurns,
        int maxHistoryChars) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** About 6,000 tokens: room for the default five passages with headroom in an 8k-token context. */
    public static final int DEFAULT_MAX_PASSAGE_CHARS = 24_000;
    /** Three exchanges: enough to resolve "it" and "that", little enough not to crowd out the passages. */
    public static final int DEFAULT_MAX_HISTORY_TURNS = 6;
    /** About 2,000 tokens: history helps a follow-up, but must not crowd out the passages. */
    public static final int DEFAULT_MAX_HISTORY_CHARS = 8_000;

    /** No model configured: what the extractive provider runs with. */
    public static final LanguageModelSettings NONE =
            new LanguageModelSettings("", "", "", DEFAULT_TIMEOUT, DEFAULT_MAX_PASSAGE_CHARS, DEFAULT_MAX_HISTORY_TURNS);

    /** With the default {@link #DEFAULT_MAX_HISTORY_CHARS}. */
    public LanguageModelSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxPassageChars,
            int maxHistoryTurns) {
        this(baseUrl, model, apiKey, timeout, maxPassageChars, maxHistoryTurns, DEFAULT_MAX_HISTORY_CHARS);
    }

    public LanguageModelSettings {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    /** Where and which model, for messages and logs: {@code gpt-4o-mini at https://api.openai.com/v1}. */
    public String describe() {
        return model + " at " + baseUrl;
    }

    /** Leaves the API key out, so the settings can be logged. */
    @Override
    public String toString() {
        return "LanguageModelSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey.isEmpty() ? "none" : "set") + ", timeout=" + timeout + ", maxPassageChars=" + maxPassageChars
                + ", maxHistoryTurns=" + maxHistoryTurns + ", maxHistoryChars=" + maxHistoryChars + "]";
    }
}
