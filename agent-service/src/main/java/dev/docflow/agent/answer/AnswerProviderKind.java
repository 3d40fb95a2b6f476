package dev.docflow.agent.answer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which {@link AnswerProvider} the service answers with: the {@code answer.provider} setting. */
public enum AnswerProviderKind {
    /** Quotes the passages' best sentences; needs nothing but the embedding model. */
    EXTRACTIVE,
    /** Has an OpenAI-compatible chat model write the answer from the passages ({@code llm.*} settings). */
    LANGUAGE_MODEL;

    /** The value as written in configuration: {@code extractive}, {@code language-model}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException listing the accepted values */
    public static AnswerProviderKind parse(String label) {
        for (AnswerProviderKind kind : values()) {
            if (kind.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(values()).map(AnswerProviderKind::label).collect(Collectors.joining(", "))
                + "; got '" + label + "'");
    }
}
