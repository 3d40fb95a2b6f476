package dev.docflow.agent.retrieval;

import java.util.Locale;

/**
 * Which searches answer a question: both, fused ({@link #HYBRID}, the default), or one alone, for
 * measuring what each contributes ({@code ./docflow bench retrieval}).
 */
public enum RetrievalMode {
    HYBRID,
    BM25,
    KNN;

    /** {@code "hybrid"}, {@code "bm25"} or {@code "knn"}, any case; null for anything else. */
    public static RetrievalMode parse(String text) {
        for (RetrievalMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text)) {
                return mode;
            }
        }
        return null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
