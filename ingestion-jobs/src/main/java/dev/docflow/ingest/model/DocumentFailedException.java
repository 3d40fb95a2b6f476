package dev.docflow.ingest.model;

/**
 * This document cannot be processed (corrupt, encrypted, empty, unsupported…): it fails alone,
 * with {@link #reason()} recorded, and the job goes on. Infrastructure failures are not this.
 */
public class DocumentFailedException extends RuntimeException {
    private final String reason;

    public DocumentFailedException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public DocumentFailedException(String reason, String message) {
        this(reason, message, null);
    }

    public String reason() {
        return reason;
    }
}
