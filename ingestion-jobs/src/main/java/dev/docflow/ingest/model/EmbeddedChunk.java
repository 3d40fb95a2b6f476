package dev.docflow.ingest.model;

/** A chunk with its embedding, ready to index. */
public record EmbeddedChunk(DocumentRef ref, String contentType, Chunk chunk, float[] vector) {
    public String id() {
        return chunk.id(ref.documentId());
    }
}
