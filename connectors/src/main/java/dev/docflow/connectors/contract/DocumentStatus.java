package dev.docflow.connectors.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a document stands, as the {@code documents.status} column, the API and the CLI spell it:
 * the service writes {@code uploaded} and {@code deleting}, the ingestion jobs {@code processing},
 * {@code indexed} and {@code failed}.
 */
public enum DocumentStatus {
    /** Stored; its event is on its way to the streaming job. */
    UPLOADED,
    /** An ingestion job has claimed it. */
    PROCESSING,
    /** Its chunks are in the index (a newer version may be on its way). */
    INDEXED,
    /** Its latest version failed at a stage, for a reason ({@link FailureReason}). */
    FAILED,
    /** Being removed with its chunks and files. */
    DELETING;

    /** The statuses a knowledge base's summary counts, in the order users read them. */
    public static final java.util.List<DocumentStatus> SUMMARISED = java.util.List.of(UPLOADED, PROCESSING, INDEXED, FAILED);

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a column or a request names; an unknown one is an {@link IllegalArgumentException} naming it. */
    public static DocumentStatus of(String code) {
        for (DocumentStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown document status '" + code + "' (one of uploaded, processing, indexed, failed, deleting)");
    }

    @Override
    public String toString() {
        return code();
    }
}
