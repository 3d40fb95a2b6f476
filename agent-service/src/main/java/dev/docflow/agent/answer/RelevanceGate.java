package dev.docflow.agent.answer;

import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.retrieval.Retrieval;
import dev.docflow.agent.retrieval.RetrievedChunk;
import dev.docflow.agent.retrieval.StemmedTerms;
import java.util.Set;

/**
 * Decides whether retrieval found anything worth answering from, before any answer is written.
 * Hybrid retrieval always returns its top chunks, however unrelated; the gate refuses when the
 * nearest chunk by embedding is below {@link AnswerSettings#minSimilarity()} <em>and</em> no
 * retrieved chunk holds every one of the question's stemmed terms. Either signal alone admits: a
 * paraphrase shares few words, and a short name or code may embed poorly. Without a kNN search
 * (bm25 mode) there is no similarity to weigh: one shared term admits, and the answer's sentence
 * scores ({@link AnswerSettings#minSentenceScore()}) decide the rest.
 */
public final class RelevanceGate {
    private final double minSimilarity;

    public RelevanceGate(double minSimilarity) {
        this.minSimilarity = minSimilarity;
    }

    public boolean admits(Question question, Retrieval retrieval) {
        if (retrieval.isEmpty() || question.terms().isEmpty() && !retrieval.hasSimilarity()) {
            return false;
        }
        if (retrieval.hasSimilarity() && retrieval.bestSimilarity() >= minSimilarity) {
            return true;
        }
        // Some word of almost any question occurs in a large corpus ("slice" of a pizza in the R
        // manuals, "fix" of a bicycle in the operator docs): with one shared word admitting, issue
        // 12's off-topic questions were all answered; with half of them, 11 of 18 unrelated ones.
        long needed = retrieval.hasSimilarity() ? question.terms().size() : 1;
        for (RetrievedChunk chunk : retrieval.chunks()) {
            Set<String> held = StemmedTerms.split(chunk.stemmedText());
            if (!question.terms().isEmpty() && question.terms().stream().filter(held::contains).count() >= needed) {
                return true;
            }
        }
        return false;
    }
}
