package dev.docflow.ingest.model;

/** A document cut into chunks, in order. */
public record ChunkedDocument(DocumentRef ref, String contentType, int pageCount, Chunk[] chunks) {}
