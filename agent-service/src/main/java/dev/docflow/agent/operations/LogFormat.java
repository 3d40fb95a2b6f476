package dev.docflow.agent.operations;

import java.util.Locale;

/**
 * How the service writes its log ({@code logging.format}): {@code plain} text lines for people, or
 * {@code json}, one JSON object per line (time, level, logger, message, requestId, exception) for a
 * log collector. Applied by {@link LogOutput}.
 */
public enum LogFormat {
    PLAIN,
    JSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException saying what is accepted */
    public static LogFormat parse(String value) {
        for (LogFormat format : values()) {
            if (format.label().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("must be plain or json; got '" + value + "'");
    }
}
