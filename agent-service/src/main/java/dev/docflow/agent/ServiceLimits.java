package dev.docflow.agent;

import java.time.Duration;

/**
 * What one caller may ask of the service, so that no tenant (nor an address guessing keys) can
 * take it over. Part of {@link AgentConfig}, which checks the values.
 *
 * @param maxMessageChars longest question a chat request may carry ({@code chat.max-message-chars});
 *     longer is 400 {@code message_too_long}
 * @param maxHistoryChars most characters of earlier messages one request may carry, all of them
 *     together ({@code chat.max-history-chars}); more is 400 {@code history_too_long}. A stored
 *     conversation's history is cut to the same budget, its oldest messages first
 * @param maxConcurrentAnswersPerTenant answers one tenant may have in progress at once, plain,
 *     streamed and by the language model alike ({@code chat.max-concurrent-answers-per-tenant}); one
 *     more is 429 {@code too_many_concurrent_answers} with {@code Retry-After}
 * @param answerDeadline longest one answer may take from its start to its last word
 *     ({@code chat.answer-deadline-seconds}); past it, 504 {@code answer_deadline_exceeded}, or that
 *     error event when the stream has begun
 * @param failedAuthenticationsPerMinute requests with a missing or invalid key one client address may
 *     make per minute ({@code auth.failed-attempts-per-minute}); beyond, every request from it that
 *     needs a key lookup is 429 {@code too_many_failed_authentications} until its budget refills
 * @param maxDatabaseConnections most connections to PostgreSQL the service holds at once
 *     ({@code database.max-connections}); statements beyond wait for one, so a flood of requests
 *     neither pays a connection set-up each nor runs the database out of connections
 */
public record ServiceLimits(
        int maxMessageChars,
        int maxHistoryChars,
        int maxConcurrentAnswersPerTenant,
        Duration answerDeadline,
        int failedAuthenticationsPerMinute,
        int maxDatabaseConnections) {

    /** Longer messages are not questions; the bound also caps embedding work per request. */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 4_000;
    /** Ten long exchanges; a follow-up leans on the last few only. */
    public static final int DEFAULT_MAX_HISTORY_CHARS = 40_000;
    /** A few at once per tenant: the request threads (Jetty's 250) stay for everyone else. */
    public static final int DEFAULT_MAX_CONCURRENT_ANSWERS_PER_TENANT = 8;
    /** Two language-model timeouts: a slow model may answer, a stuck one cannot hold a thread. */
    public static final Duration DEFAULT_ANSWER_DEADLINE = Duration.ofSeconds(120);
    /** A client that mistypes its key a few times is not slowed; one that guesses is. */
    public static final int DEFAULT_FAILED_AUTHENTICATIONS_PER_MINUTE = 30;
    /** A statement takes a millisecond or a few: 16 serve hundreds of requests a second. */
    public static final int DEFAULT_MAX_DATABASE_CONNECTIONS = 16;

    public static final ServiceLimits DEFAULTS = new ServiceLimits(DEFAULT_MAX_MESSAGE_CHARS, DEFAULT_MAX_HISTORY_CHARS,
            DEFAULT_MAX_CONCURRENT_ANSWERS_PER_TENANT, DEFAULT_ANSWER_DEADLINE, DEFAULT_FAILED_AUTHENTICATIONS_PER_MINUTE,
            DEFAULT_MAX_DATABASE_CONNECTIONS);

    public ServiceLimits withMaxConcurrentAnswersPerTenant(int max) {
        return new ServiceLimits(maxMessageChars, maxHistoryChars, max, answerDeadline, failedAuthenticationsPerMinute, maxDatabaseConnections);
    }

    public ServiceLimits withAnswerDeadline(Duration deadline) {
        return new ServiceLimits(maxMessageChars, maxHistoryChars, maxConcurrentAnswersPerTenant, deadline,
                failedAuthenticationsPerMinute, maxDatabaseConnections);
    }

    public ServiceLimits withFailedAuthenticationsPerMinute(int perMinute) {
        return new ServiceLimits(maxMessageChars, maxHistoryChars, maxConcurrentAnswersPerTenant, answerDeadline, perMinute, maxDatabaseConnections);
    }

    public ServiceLimits withMaxHistoryChars(int max) {
        return new ServiceLimits(maxMessageChars, max, maxConcurrentAnswersPerTenant, answerDeadline,
                failedAuthenticationsPerMinute, maxDatabaseConnections);
    }
}
