package dev.docflow.ingest.chunk;

/** Counts the tokens the embedding model will see in a text. Implementations are thread-safe. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);

    /**
     * Counts for ranges of one text, each the same as {@code count(text.substring(start, end))}.
     * The chunker asks for a block, then for its sentences, words and pieces; a counter that can
     * answer those from one pass over the block overrides this. By default each range is counted
     * afresh.
     */
    default RangeCounts ranges(String text) {
        return (start, end) -> count(text.substring(start, end));
    }

    /** Token counts of ranges of one text; not thread-safe unless its counter says so. */
    @FunctionalInterface
    interface RangeCounts {
        int count(int start, int end);
    }
}
