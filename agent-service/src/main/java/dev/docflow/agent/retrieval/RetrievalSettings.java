package dev.docflow.agent.retrieval;

/**
 * How many chunks hybrid retrieval looks at and keeps. Checked by {@code AgentConfig}.
 *
 * @param topK chunks kept after fusion, handed to the answer
 * @param candidates chunks each retriever (BM25, kNN) returns before fusion
 * @param rrfK the rank constant of reciprocal rank fusion; larger flattens the head of each list
 */
public record RetrievalSettings(int topK, int candidates, int rrfK) {
    public static final int DEFAULT_TOP_K = 5;
    public static final int DEFAULT_CANDIDATES = 50;
    public static final int DEFAULT_RRF_K = 60;
    /** Elasticsearch refuses a kNN {@code num_candidates} above this. */
    public static final int MAX_CANDIDATES = 10_000;

    public static RetrievalSettings defaults() {
        return new RetrievalSettings(DEFAULT_TOP_K, DEFAULT_CANDIDATES, DEFAULT_RRF_K);
    }

    /** HNSW candidates per shard: twice what we keep, for recall, within Elasticsearch's limit. */
    public int numCandidates() {
        return Math.min(MAX_CANDIDATES, Math.max(100, candidates * 2));
    }
}
