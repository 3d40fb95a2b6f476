package dev.docflow.ingest.model;

/**
 * A document's chunks with their embeddings, in order: what the index stage writes as one unit, so
 * that the document's outcome can follow its own write.
 *
 * @param pageCount pages of the file itself when paged, 0 otherwise
 */
public record EmbeddedDocument(DocumentRef ref, int pageCount, EmbeddedChunk[] chunks) {}
