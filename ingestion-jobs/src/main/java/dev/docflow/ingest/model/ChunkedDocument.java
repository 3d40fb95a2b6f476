package dev.docflow.ingest.model;

/**
 * A document cut into chunks, in order.
 *
 * @param deadlineMillis when the document's time is up, as in {@link ExtractedDocument#deadlineMillis}
 */
public record ChunkedDocument(DocumentRef ref, String contentType, int pageCount, Chunk[] chunks, long deadlineMillis) {}
