package dev.docflow.connectors.objectstore;

/**
 * The object store could not be reached, or answered with a server error (5xx): the same call may
 * succeed later. A refusal (no such bucket, access denied) stays a plain {@link ObjectStoreException}.
 */
public class ObjectStoreUnavailableException extends ObjectStoreException {
    public ObjectStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
