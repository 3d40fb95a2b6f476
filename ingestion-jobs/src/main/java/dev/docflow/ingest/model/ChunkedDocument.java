package dev.docflow.ingest.model;

/**
 * A document cut into chunks, in order. It carries no deadline: the embed stage gives each
 * document a time of its own, by its number of chunks ({@code EmbedBudget}).
 */
public record ChunkedDocument(DocumentRef ref, String contentType, int pageCount, Chunk[] chunks) {}
