package dev.docflow.ingest.model;

/**
 * A document to ingest: where its bytes are and whose it is. The first record of every pipeline.
 *
 * @param documentId stable id (see {@code DocumentIds}); chunk ids derive from it
 * @param knowledgeBase the knowledge base's name (shown; names are reused)
 * @param knowledgeBaseId its id (never reused): what its chunks are scoped by
 * @param uploadedAt when the document was uploaded, epoch milliseconds: its PostgreSQL row's
 *     {@code created_at}, read when the job records the document as processing ({@code
 *     KnowledgeBaseDocuments}, {@code MarkProcessingFunction}); {@link #UPLOAD_TIME_UNKNOWN} before
 */
public record DocumentRef(
        String documentId,
        String tenant,
        String knowledgeBase,
        String knowledgeBaseId,
        String objectKey,
        String fileName,
        long sizeBytes,
        long uploadedAt) {

    /** The upload time of a reference not yet looked up in PostgreSQL (an upload event's). */
    public static final long UPLOAD_TIME_UNKNOWN = 0;

    public DocumentRef withUploadedAt(long epochMillis) {
        return new DocumentRef(documentId, tenant, knowledgeBase, knowledgeBaseId, objectKey, fileName, sizeBytes, epochMillis);
    }
}
