package dev.docflow.ingest.model;

/**
 * One write to the chunk index: put {@code chunk} under {@code chunkId}, or, when {@code chunk}
 * is null, delete {@code chunkId} (a chunk an older version of the document left behind).
 */
public record IndexAction(String chunkId, EmbeddedChunk chunk) {
    public static IndexAction put(EmbeddedChunk chunk) {
        return new IndexAction(chunk.id(), chunk);
    }

    public static IndexAction delete(String chunkId) {
        return new IndexAction(chunkId, null);
    }

    public boolean isDelete() {
        return chunk == null;
    }
}
