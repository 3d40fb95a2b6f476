package dev.docflow.ingest.chunk;

import java.io.Serializable;

/**
 * @param maxTokens most word pieces in a chunk, including the model's two special tokens
 *     (all-MiniLM-L6-v2 was trained on at most 256)
 * @param overlapTokens at most this many word pieces of prose repeat at the start of the next chunk
 */
public record ChunkingSettings(int maxTokens, int overlapTokens) implements Serializable {
    public static final ChunkingSettings DEFAULTS = new ChunkingSettings(256, 32);

    public ChunkingSettings {
        if (maxTokens < 16) {
            throw new IllegalArgumentException("maxTokens must be at least 16, was " + maxTokens);
        }
        if (overlapTokens < 0 || overlapTokens >= maxTokens / 2) {
            throw new IllegalArgumentException("overlapTokens must be in [0, maxTokens/2), was " + overlapTokens);
        }
    }

    /** Tokens left for text once [CLS] and [SEP] are counted. */
    int textBudget() {
        return maxTokens - 2;
    }
}
