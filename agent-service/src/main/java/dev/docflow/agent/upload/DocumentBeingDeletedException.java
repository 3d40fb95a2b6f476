package dev.docflow.agent.upload;

/** A new version of a document that is being deleted: answered 409; upload again once it is gone. */
public final class DocumentBeingDeletedException extends RuntimeException {
    public DocumentBeingDeletedException(String fileName) {
        super("\"" + fileName + "\" is being deleted; upload it again once the deletion has finished");
    }
}
