package dev.docflow.ingest.model;

/**
 * A chunk with its embedding, ready to index.
 *
 * @param model the embedding model's id ({@code EmbeddingModelChoice#id})
 */
public record EmbeddedChunk(DocumentRef ref, String contentType, Chunk chunk, float[] vector, String model) {
    public String id() {
        return chunk.id(ref.documentId());
    }
}
