package dev.docflow.ingest.index;

/**
 * The chunk index stayed busy or unreachable: an infrastructure failure, never a document's. It
 * fails the task, so Flink restarts the job from its last checkpoint and the document is written
 * again, rather than recorded as failed.
 */
public class ChunkIndexUnavailableException extends RuntimeException {
    public ChunkIndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
