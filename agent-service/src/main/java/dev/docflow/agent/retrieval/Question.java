package dev.docflow.agent.retrieval;

import java.util.Set;

/**
 * A user's question as retrieval and answering use it, computed once per request.
 *
 * @param text the question as asked
 * @param terms its stemmed English terms (stop words out), as the indexer analyses passages
 * @param embedding its vector from the same model that embedded the chunks; not copied, do not modify
 */
public record Question(String text, Set<String> terms, float[] embedding) {

    /** The stemmed terms joined by spaces: the query string for the {@code text_stemmed} field. */
    public String stemmedText() {
        return String.join(" ", terms);
    }
}
