package dev.docflow.ingest.embed;

/** Told of each call {@link ChunkEmbedder} makes to the model: the embed stage's metrics listen. */
@FunctionalInterface
public interface EmbeddingBatchListener {
    EmbeddingBatchListener NONE = (chunks, millis) -> {};

    /** A batch of {@code chunks} was embedded in {@code millis}. */
    void batchEmbedded(int chunks, long millis);
}
