package dev.docflow.agent.chat;

/** A tenant asked for one answer more than it may have in progress at once; answered 429 with {@code Retry-After}. */
public final class TooManyConcurrentAnswersException extends RuntimeException {
    private final int retryAfterSeconds;

    public TooManyConcurrentAnswersException(String tenant, int limit, int retryAfterSeconds) {
        super("Tenant " + tenant + " has " + limit + " answers in progress, its limit"
                + " (chat.max-concurrent-answers-per-tenant); retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
