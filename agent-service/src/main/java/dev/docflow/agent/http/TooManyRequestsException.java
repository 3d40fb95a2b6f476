package dev.docflow.agent.http;

/** A caller over one of its request limits: answered 429 with {@code Retry-After} and its own code. */
public final class TooManyRequestsException extends RuntimeException {
    private final String code;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String code, String message, long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
