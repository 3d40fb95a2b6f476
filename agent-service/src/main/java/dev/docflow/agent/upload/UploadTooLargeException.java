package dev.docflow.agent.upload;

/** A file over {@code upload.max-file-bytes}, or a request over {@code upload.max-request-bytes}; nothing of the request was kept. */
public final class UploadTooLargeException extends RuntimeException {
    private final String code;

    private UploadTooLargeException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static UploadTooLargeException file(String fileName, long size, long max) {
        return new UploadTooLargeException("file_too_large",
                "\"" + fileName + "\" has " + size + " bytes, over the limit of " + max + " (upload.max-file-bytes)");
    }

    /** A file found too large while it streamed in: its size is not known. */
    public static UploadTooLargeException fileWhileStreaming(long max) {
        return new UploadTooLargeException("file_too_large",
                "a file of the request is over the limit of " + max + " bytes (upload.max-file-bytes)");
    }

    public static UploadTooLargeException request(long max) {
        return new UploadTooLargeException("request_too_large",
                "the request is over the limit of " + max + " bytes (upload.max-request-bytes)");
    }

    /** {@code file_too_large} or {@code request_too_large}. */
    public String code() {
        return code;
    }
}
