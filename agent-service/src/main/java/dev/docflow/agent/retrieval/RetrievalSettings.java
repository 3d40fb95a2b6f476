package dev.docflow.agent.retrieval;

import dev.docflow.connectors.embedding.EmbeddingModelChoice;

/**
 * How hybrid retrieval searches, fuses and keeps chunks. Checked by {@code AgentConfig}.
 *
 * @param topK chunks kept after fusion, handed to the answer
 * @param candidates chunks each retriever (BM25, kNN) returns before fusion
 * @param rrfK the rank constant of reciprocal rank fusion; larger flattens the head of each list
 * @param bm25Weight weight of the BM25 ranking in the fusion
 * @param knnWeight weight of the kNN ranking in the fusion
 * @param headingBoost BM25 boost of a match in the chunk's heading path (the passage text counts 1)
 * @param titleBoost BM25 boost of a match in the document's title (its own, else its file name as words)
 * @param neighbours chunks on each side (by ordinal, same document) added to each kept chunk's
 *     passage for the answer; 0 for none
 * @param embeddingModel the model questions are embedded with; kNN searches only chunks it embedded
 * @param coverageWeight hybrid only: what a fused candidate holding all the question's terms gains
 *     over one holding none ({@link TermCoverage}); 0 keeps the fused order
 * @param fusion how the two rankings are joined: by rank ({@code rrfK}, the weights) or by
 *     normalised score (the lexical share {@code bm25Weight / (bm25Weight + knnWeight)})
 */
public record RetrievalSettings(int topK, int candidates, int rrfK, double bm25Weight, double knnWeight,
        double headingBoost, double titleBoost, int neighbours, EmbeddingModelChoice embeddingModel,
        double coverageWeight, FusionMethod fusion) {
    /**
     * The answer quotes the best sentences of these chunks, so more chunks give it more to choose
     * from: on the dev questions recall@5 rose from 5 to 6 to 8 chunks and not beyond (10 gave the
     * same), at 64 scored sentences at most per answer.
     */
    public static final int DEFAULT_TOP_K = 8;
    public static final int DEFAULT_CANDIDATES = 50;
    public static final int DEFAULT_RRF_K = 60;
    public static final double DEFAULT_BM25_WEIGHT = 1.0;
    public static final double DEFAULT_KNN_WEIGHT = 1.0;
    public static final double DEFAULT_HEADING_BOOST = 1.0;
    public static final double DEFAULT_TITLE_BOOST = 0.0;
    public static final int DEFAULT_NEIGHBOURS = 0;
    /**
     * About a third of what first place in both rankings is worth ({@code 2 / (60 + 1)}): enough to
     * lift a chunk holding the question's rare terms some ranks, not to override both searches.
     * Tuning half of issue 12's set without PostgreSQL (62, hybrid), 0 → 0.01: retrieval recall@1
     * 0.452 → 0.484, @50 0.952 → 0.968; citation recall@5 0.694 → 0.726, MRR 0.591 → 0.603, answer
     * accuracy 0.500 → 0.516. 0.02 was worse (MRR 0.599, accuracy 0.500, recall@20 0.855 → 0.839).
     */
    public static final double DEFAULT_COVERAGE_WEIGHT = 0.01;
    public static final FusionMethod DEFAULT_FUSION = FusionMethod.RRF;
    /** Elasticsearch refuses a kNN {@code num_candidates} above this. */
    public static final int MAX_CANDIDATES = 10_000;

    /** Equal weights, no boosts beyond the heading path's, no neighbours, the default model and re-scoring weight. */
    public RetrievalSettings(int topK, int candidates, int rrfK) {
        this(topK, candidates, rrfK, DEFAULT_BM25_WEIGHT, DEFAULT_KNN_WEIGHT, DEFAULT_HEADING_BOOST, DEFAULT_TITLE_BOOST,
                DEFAULT_NEIGHBOURS, EmbeddingModelChoice.DEFAULT, DEFAULT_COVERAGE_WEIGHT, DEFAULT_FUSION);
    }

    public static RetrievalSettings defaults() {
        return new RetrievalSettings(DEFAULT_TOP_K, DEFAULT_CANDIDATES, DEFAULT_RRF_K);
    }

    /** The lexical search's share in {@link FusionMethod#CONVEX} fusion. */
    public double lexicalShare() {
        return bm25Weight / (bm25Weight + knnWeight);
    }

    /** HNSW candidates per shard: twice what we keep, for recall, within Elasticsearch's limit. */
    public int numCandidates() {
        return Math.min(MAX_CANDIDATES, Math.max(100, candidates * 2));
    }
}
