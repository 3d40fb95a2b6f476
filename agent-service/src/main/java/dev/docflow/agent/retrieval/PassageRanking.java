package dev.docflow.agent.retrieval;

import java.util.List;

/**
 * The chunks retrieval ranks for a question, best first, before the relevance gate and the answer
 * stage choose what to cite: for measuring retrieval on its own ({@code ./docflow bench retrieval}
 * reports whether a correct passage was ranked at all, and how deep, apart from whether the answer
 * cited it). It encodes and ranks with the encoder and retriever instances chat uses, so the ranking
 * is chat's own, as it stands before chat drops the chunks of documents deleted since they were
 * indexed; chat does not call it, nothing it does changes a reply, and no HTTP route exposes it. The
 * question is taken as a standalone first turn (no follow-up rewriting). Thread-safe when the
 * encoder and retriever are.
 */
public final class PassageRanking {
    private final QuestionEncoder encoder;
    private final HybridRetriever retriever;

    public PassageRanking(QuestionEncoder encoder, HybridRetriever retriever) {
        this.encoder = encoder;
        this.retriever = retriever;
    }

    /**
     * @param depth ranked chunks wanted; the searches' depth ({@link RetrievalSettings#candidates()})
     *     bounds it, since no chunk below that is ever ranked
     * @return up to {@code depth} chunks of the tenant's knowledge base in rank order (fused for
     *     {@link RetrievalMode#HYBRID}, the one search's order otherwise), without the neighbouring
     *     chunks chat adds to a passage
     */
    public List<RetrievedChunk> rank(String tenant, String knowledgeBase, String question, RetrievalMode mode, int depth) {
        return retrieval(tenant, knowledgeBase, question, mode, depth).chunks();
    }

    /** As {@link #rank}, with the cosine of the nearest chunk by kNN that the relevance gate weighs (-1 for bm25). */
    public Retrieval retrieval(String tenant, String knowledgeBase, String question, RetrievalMode mode, int depth) {
        return retriever.ranked(encoder.encode(question), RetrievalScope.of(tenant, knowledgeBase), mode, depth);
    }
}
