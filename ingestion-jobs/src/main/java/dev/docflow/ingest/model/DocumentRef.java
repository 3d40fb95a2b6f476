package dev.docflow.ingest.model;

/**
 * A document to ingest: where its bytes are and whose it is. The first record of every pipeline.
 *
 * @param documentId stable id (see {@code DocumentIds}); chunk ids derive from it
 */
public record DocumentRef(
        String documentId,
        String tenant,
        String knowledgeBase,
        String objectKey,
        String fileName,
        long sizeBytes) {}
