package dev.docflow.ingest.parse.worker;

/**
 * No parse worker process could be started or made ready (a wrong {@code parse.worker-heap}, no
 * {@code java} to run, a class path the worker cannot load): a failure of the deployment, not of a
 * document, so it fails the task and Flink restarts it rather than failing good documents.
 */
public class ParseWorkerUnavailableException extends RuntimeException {
    public ParseWorkerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
