package dev.docflow.ingest.model;

/**
 * A document cut into chunks, in order. It carries no deadline: the document's time budget ends
 * with chunking (see {@code ChunkEmbedder} for why embedding has none).
 */
public record ChunkedDocument(DocumentRef ref, String contentType, int pageCount, Chunk[] chunks) {}
