package dev.docflow.agent.upload;

/** A file over {@code upload.max-file-bytes}; nothing of the request was kept. */
public final class UploadTooLargeException extends RuntimeException {
    public UploadTooLargeException(String fileName, long size, long max) {
        super("\"" + fileName + "\" has " + size + " bytes, over the limit of " + max + " (upload.max-file-bytes)");
    }
}
