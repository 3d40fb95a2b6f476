package dev.docflow.agent.retrieval;

import java.util.List;

/**
 * What hybrid retrieval found for a question.
 *
 * @param chunks the fused top chunks, best first
 * @param bestSimilarity cosine between the question and its nearest chunk by kNN; -1 when the
 *     knowledge base has no chunks or no kNN search ran (bm25 mode)
 */
public record Retrieval(List<RetrievedChunk> chunks, double bestSimilarity) {
    public Retrieval {
        chunks = List.copyOf(chunks);
    }

    /** Whether a kNN search measured {@link #bestSimilarity()}. */
    public boolean hasSimilarity() {
        return bestSimilarity > -1;
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }
}
