package dev.docflow.agent.answer;

/**
 * When the service answers and how much it quotes. Checked by {@code AgentConfig}.
 *
 * @param minSimilarity below this cosine between the question and the nearest chunk, and with no
 *     stemmed term in common with any retrieved chunk, the knowledge base is taken not to hold the
 *     answer
 * @param minSentenceScore a sentence is quoted only when its score (mostly cosine to the question,
 *     partly shared terms) reaches this
 * @param maxSentences most sentences an extractive answer quotes
 */
public record AnswerSettings(double minSimilarity, double minSentenceScore, int maxSentences) {
    public static final double DEFAULT_MIN_SIMILARITY = 0.30;
    public static final double DEFAULT_MIN_SENTENCE_SCORE = 0.40;
    /**
     * Only quotables within {@code QuoteSelection.MAX_GAP_TO_BEST} of the best are quoted, so this
     * bounds close calls, where the sentence holding the value is often the one after the best.
     * Tuning half of issue 12's set without PostgreSQL (62, hybrid): 3 → 4 → 5 raised answer accuracy
     * 0.548 → 0.581 → 0.597 with citations unchanged (recall@5 0.726, MRR 0.598 → 0.602); the price
     * is longer answers when several sentences read alike.
     */
    public static final int DEFAULT_MAX_SENTENCES = 5;

    public static AnswerSettings defaults() {
        return new AnswerSettings(DEFAULT_MIN_SIMILARITY, DEFAULT_MIN_SENTENCE_SCORE, DEFAULT_MAX_SENTENCES);
    }
}
