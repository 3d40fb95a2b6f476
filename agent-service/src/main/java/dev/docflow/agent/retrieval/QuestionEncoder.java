package dev.docflow.agent.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;

/** Analyses and embeds a question the way the indexer analysed and embedded the passages. */
public final class QuestionEncoder {
    private final EmbeddingModel model;
    private final StemmedTerms terms;

    public QuestionEncoder(EmbeddingModel model, StemmedTerms terms) {
        this.model = model;
        this.terms = terms;
    }

    public Question encode(String text) {
        return new Question(text, terms.of(text), model.embed(text).content().vector());
    }
}
