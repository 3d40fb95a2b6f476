package dev.docflow.ingest.model;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.Stage;

/**
 * What became of one version of a document: indexed with its page and chunk counts, or failed at a
 * stage for a reason (a short code such as {@code corrupt}, {@code encrypted}, {@code empty}) with a
 * message.
 *
 * @param objectKey the stored version the outcome is about: the document's row settles only the
 *     version it is waiting for, so an outcome of a superseded version changes nothing
 */
public record DocumentOutcome(
        String documentId,
        String objectKey,
        boolean indexed,
        int pageCount,
        int chunkCount,
        Stage stage,
        FailureReason reason,
        String message) {

    public static DocumentOutcome indexed(DocumentRef ref, int pageCount, int chunkCount) {
        return new DocumentOutcome(ref.documentId(), ref.objectKey(), true, pageCount, chunkCount, null, null, null);
    }

    public static DocumentOutcome failed(DocumentRef ref, Stage stage, FailureReason reason, String message) {
        return new DocumentOutcome(ref.documentId(), ref.objectKey(), false, 0, 0, stage, reason, message);
    }
}
