package dev.docflow.agent.answer;

import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.retrieval.Retrieval;
import dev.docflow.agent.retrieval.RetrievedChunk;
import dev.docflow.agent.retrieval.StemmedTerms;
import java.util.Collections;

/**
 * Decides whether retrieval found anything worth answering from, before any answer is written.
 * Hybrid retrieval always returns its top chunks, however unrelated; the gate refuses when no
 * retrieved chunk shares a stemmed term with the question <em>and</em> the nearest chunk by
 * embedding is below {@link AnswerSettings#minSimilarity()}. Either signal alone admits: a
 * paraphrase shares no words, and a short name or code may embed poorly.
 */
public final class RelevanceGate {
    private final double minSimilarity;

    public RelevanceGate(double minSimilarity) {
        this.minSimilarity = minSimilarity;
    }

    public boolean admits(Question question, Retrieval retrieval) {
        if (retrieval.isEmpty()) {
            return false;
        }
        if (retrieval.bestSimilarity() >= minSimilarity) {
            return true;
        }
        for (RetrievedChunk chunk : retrieval.chunks()) {
            if (!Collections.disjoint(question.terms(), StemmedTerms.split(chunk.stemmedText()))) {
                return true;
            }
        }
        return false;
    }
}
