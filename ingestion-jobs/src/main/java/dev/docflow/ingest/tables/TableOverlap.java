package dev.docflow.ingest.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells the lines of a page's text layer that are a table's cells read row by row. A table found
 * by tabula is emitted as a table chunk of its own; the same words, run together as prose, would
 * only repeat it without its structure.
 */
public final class TableOverlap {
    /** Share of a paragraph's words that must come from the table for it to be the table's text. */
    static final double COVERED = 0.8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Map<String, Integer> cellWords = new HashMap<>();

    public TableOverlap(List<List<List<String>>> tables) {
        for (List<List<String>> table : tables) {
            for (List<String> row : table) {
                for (String cell : row) {
                    words(cell).forEach(word -> cellWords.merge(word, 1, Integer::sum));
                }
            }
        }
    }

    /**
     * Whether a paragraph's words are (almost) all cell words. Each cell word covers one
     * occurrence, so a paragraph that merely shares vocabulary with a short table is kept.
     */
    public boolean isTableText(String paragraph) {
        List<String> words = words(paragraph);
        if (words.isEmpty() || cellWords.isEmpty()) {
            return false;
        }
        Map<String, Integer> left = new HashMap<>(cellWords);
        int covered = 0;
        for (String word : words) {
            Integer n = left.get(word);
            if (n != null && n > 0) {
                left.put(word, n - 1);
                covered++;
            }
        }
        return covered >= COVERED * words.size();
    }

    private static List<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group()).toList();
    }
}
