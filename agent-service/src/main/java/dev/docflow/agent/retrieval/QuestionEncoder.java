package dev.docflow.agent.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;

/** Analyses and embeds a question the way the indexer analysed and embedded the passages. */
public final class QuestionEncoder {
    private final EmbeddingModel model;
    private final StemmedTerms terms;
    private final String queryPrefix;

    /** For a model that wants no query instruction (all-MiniLM-L6-v2). */
    public QuestionEncoder(EmbeddingModel model, StemmedTerms terms) {
        this(model, terms, "");
    }

    /** @param queryPrefix put before the question for the embedding only ({@code EmbeddingModelChoice#queryPrefix}) */
    public QuestionEncoder(EmbeddingModel model, StemmedTerms terms, String queryPrefix) {
        this.model = model;
        this.terms = terms;
        this.queryPrefix = queryPrefix;
    }

    public Question encode(String text) {
        return new Question(text, terms.of(text), model.embed(queryPrefix + text).content().vector());
    }
}
