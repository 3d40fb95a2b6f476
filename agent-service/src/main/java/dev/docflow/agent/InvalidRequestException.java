package dev.docflow.agent;

/** The request cannot be served as sent (answered 400); the message tells the caller what to fix. */
public final class InvalidRequestException extends RuntimeException {
    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, machine-readable reason, e.g. {@code invalid_json}. */
    public String code() {
        return code;
    }
}
