package dev.docflow.ingest.model;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.Stage;

/**
 * This document cannot be processed (corrupt, encrypted, empty, unsupported…): it fails alone,
 * with {@link #reason()} and {@link #stage()} recorded, and the job goes on. Infrastructure
 * failures are not this.
 */
public class DocumentFailedException extends RuntimeException {
    private final FailureReason reason;
    private final Stage stage;

    public DocumentFailedException(Stage stage, FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
        this.reason = reason;
    }

    public DocumentFailedException(FailureReason reason, String message, Throwable cause) {
        this(Stage.PARSE, reason, message, cause);
    }

    public DocumentFailedException(FailureReason reason, String message) {
        this(Stage.PARSE, reason, message, null);
    }

    public FailureReason reason() {
        return reason;
    }

    public Stage stage() {
        return stage;
    }
}
