package dev.docflow.ingest.model;

/**
 * This document cannot be processed (corrupt, encrypted, empty, unsupported…): it fails alone,
 * with {@link #reason()} and {@link #stage()} recorded, and the job goes on. Infrastructure
 * failures are not this.
 */
public class DocumentFailedException extends RuntimeException {
    private final String reason;
    private final Stage stage;

    public DocumentFailedException(Stage stage, String reason, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
        this.reason = reason;
    }

    public DocumentFailedException(String reason, String message, Throwable cause) {
        this(Stage.PARSE, reason, message, cause);
    }

    public DocumentFailedException(String reason, String message) {
        this(Stage.PARSE, reason, message, null);
    }

    public String reason() {
        return reason;
    }

    public Stage stage() {
        return stage;
    }
}
