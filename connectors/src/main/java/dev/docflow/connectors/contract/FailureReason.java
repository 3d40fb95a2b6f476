package dev.docflow.connectors.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a document failed, as users see it in statuses, the API, the CLI and the metrics. */
public enum FailureReason {
    EMPTY,
    CORRUPT,
    ENCRYPTED,
    UNSUPPORTED,
    TOO_LARGE,
    TOO_DEEP,
    TIMEOUT,
    /** Tesseract failed on a page or image that did decode. */
    OCR_FAILED,
    /** The isolated parse worker ran out of its heap ({@code parse.worker-heap}) on this document. */
    OUT_OF_MEMORY,
    /** The isolated parse worker died on this document (a native crash, killed from outside, a broken reply). */
    WORKER_CRASHED,
    /** Elasticsearch refused the document's chunks for good (a value over one of its limits, a field it cannot parse). */
    REJECTED,
    /** The version's file is not in the object store (removed after its event was published). */
    FILE_MISSING,
    /** A failure of ours (a bug, a missing native library), not of the file. */
    INTERNAL_ERROR,
    /** No ingestion job reported on the upload, though its event was published again and again. */
    LOST;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason a column or a message names; an unknown one is an {@link IllegalArgumentException} naming it. */
    public static FailureReason of(String code) {
        for (FailureReason reason : values()) {
            if (reason.code().equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown failure reason '" + code + "'");
    }

    @Override
    public String toString() {
        return code();
    }
}
