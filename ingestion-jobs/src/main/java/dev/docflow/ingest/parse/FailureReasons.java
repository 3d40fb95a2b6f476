package dev.docflow.ingest.parse;

import java.util.List;

/** The reason codes a failed document is recorded with, as users see them. */
public final class FailureReasons {
    public static final String EMPTY = "empty";
    public static final String CORRUPT = "corrupt";
    public static final String ENCRYPTED = "encrypted";
    public static final String UNSUPPORTED = "unsupported";
    public static final String TOO_LARGE = "too_large";
    public static final String TOO_DEEP = "too_deep";
    public static final String TIMEOUT = "timeout";
    /** Tesseract failed on a page or image that did decode. */
    public static final String OCR_FAILED = "ocr_failed";
    /** The isolated parse worker ran out of its heap ({@code parse.worker-heap}) on this document. */
    public static final String OUT_OF_MEMORY = "out_of_memory";
    /** The isolated parse worker died on this document (a native crash, killed from outside, a broken reply). */
    public static final String WORKER_CRASHED = "worker_crashed";
    /** Elasticsearch refused the document's chunks for good (a value over one of its limits, a field it cannot parse). */
    public static final String REJECTED = "rejected";
    /** The version's file is not in the object store (removed after its event was published). */
    public static final String FILE_MISSING = "file_missing";
    /** A failure of ours (a bug, a missing native library), not of the file. */
    public static final String INTERNAL_ERROR = "internal_error";

    /** Every reason above: the metrics register one failure counter for each, so a reason shows before its first failure. */
    public static final List<String> ALL = List.of(EMPTY, CORRUPT, ENCRYPTED, UNSUPPORTED, TOO_LARGE, TOO_DEEP, TIMEOUT,
            OCR_FAILED, OUT_OF_MEMORY, WORKER_CRASHED, REJECTED, FILE_MISSING, INTERNAL_ERROR);

    private FailureReasons() {}
}
