package dev.docflow.agent.ingestion;

/** Flink's REST API did not answer, or answered with something other than a job list. */
public final class FlinkUnreachableException extends Exception {
    public FlinkUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
