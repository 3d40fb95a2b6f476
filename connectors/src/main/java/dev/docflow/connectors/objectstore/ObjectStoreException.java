package dev.docflow.connectors.objectstore;

/** The object store refused or could not be reached; an infrastructure failure, not a bad document. */
public class ObjectStoreException extends RuntimeException {
    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
