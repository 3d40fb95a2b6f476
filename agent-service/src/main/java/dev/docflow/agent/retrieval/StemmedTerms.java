package dev.docflow.agent.retrieval;

import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import java.util.LinkedHashSet;
import java.util.Set;

/** Distinct stemmed English terms of a text: the analysis the indexer stores in {@code text_stemmed}. */
public final class StemmedTerms {
    private final EnglishTextAnalyzer english;

    public StemmedTerms(EnglishTextAnalyzer english) {
        this.english = english;
    }

    /** The terms of {@code text} in order of first occurrence. */
    public Set<String> of(String text) {
        return split(english.analyze(text));
    }

    /** The terms of an already analysed text (terms separated by spaces). */
    public static Set<String> split(String analysed) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : analysed.split(" ")) {
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return terms;
    }
}
