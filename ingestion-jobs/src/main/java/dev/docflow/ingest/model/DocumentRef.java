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
 * @param title the document's own title (a PDF's or DOCX's metadata, an HTML {@code <title>}, a
 *     Markdown page's front matter or first heading), set by the parse stage; empty before it and
 *     when the file has none. It rides on the reference so that every later stage hands it to each
 *     chunk without each stage's record carrying a field of its own.
 */
public record DocumentRef(
        String documentId,
        String tenant,
        String knowledgeBase,
        String knowledgeBaseId,
        String objectKey,
        String fileName,
        long sizeBytes,
        long uploadedAt,
        String title) {

    /** The upload time of a reference not yet looked up in PostgreSQL (an upload event's). */
    public static final long UPLOAD_TIME_UNKNOWN = 0;

    /** A reference before parsing: no title yet. */
    public DocumentRef(String documentId, String tenant, String knowledgeBase, String knowledgeBaseId, String objectKey,
            String fileName, long sizeBytes, long uploadedAt) {
        this(documentId, tenant, knowledgeBase, knowledgeBaseId, objectKey, fileName, sizeBytes, uploadedAt, "");
    }

    public DocumentRef withUploadedAt(long epochMillis) {
        return new DocumentRef(documentId, tenant, knowledgeBase, knowledgeBaseId, objectKey, fileName, sizeBytes, epochMillis,
                title);
    }

    public DocumentRef withTitle(String documentTitle) {
        return new DocumentRef(documentId, tenant, knowledgeBase, knowledgeBaseId, objectKey, fileName, sizeBytes, uploadedAt,
                documentTitle == null ? "" : documentTitle);
    }
}
