package dev.docflow.ingest.model;

/**
 * What became of one document: indexed with its page and chunk counts, or failed at a stage for a
 * reason (a short code such as {@code corrupt}, {@code encrypted}, {@code empty}) with a message.
 */
public record DocumentOutcome(
        String documentId,
        boolean indexed,
        int pageCount,
        int chunkCount,
        String stage,
        String reason,
        String message) {

    public static DocumentOutcome indexed(String documentId, int pageCount, int chunkCount) {
        return new DocumentOutcome(documentId, true, pageCount, chunkCount, null, null, null);
    }

    public static DocumentOutcome failed(String documentId, Stage stage, String reason, String message) {
        return new DocumentOutcome(documentId, false, 0, 0, stage.code(), reason, message);
    }
}
