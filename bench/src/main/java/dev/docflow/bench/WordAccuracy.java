package dev.docflow.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How well OCR read a page, against the page's own text layer: 1 − (word edits ÷ reference words),
 * where an edit is a word inserted, dropped or misread (Levenshtein distance over words). A word is
 * a run of letters and digits, lower-cased after Unicode compatibility folding (the "ﬁ" ligature is
 * "fi"): case, punctuation and spacing around it differ between a text layer and OCR without changing
 * what a reader or a search finds. Code shows why punctuation separates words rather than vanishing:
 * a text layer often has no space glyph in {@code R_tryCatchError(SEXP} where OCR sees one after the
 * parenthesis. Dot leaders ("Introduction ........ 5") are punctuation too, so they count on neither
 * side when OCR reads them as dots; when it reads them as letters ("cece eee") those count as errors.
 */
public final class WordAccuracy {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADER_LINE = Pattern.compile("(?m)(?:\\.[ \\t]*){5,}\\S{0,8}[ \\t\\r]*$");
    /** Lines ending in a dot leader and a page number that make a page a contents or index page. */
    static final int LEADER_LINES = 3;

    private WordAccuracy() {}

    /** The words of {@code text} as compared: runs of letters and digits, folded and lower-cased. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(folded)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Words inserted, dropped or changed to turn {@code reference} into {@code read}. */
    public static int edits(List<String> reference, List<String> read) {
        int[] previous = new int[read.size() + 1];
        int[] current = new int[read.size() + 1];
        for (int j = 0; j <= read.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= read.size(); j++) {
                int substitution = previous[j - 1] + (reference.get(i - 1).equals(read.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[read.size()];
    }

    /**
     * Whether a page is a table of contents or an index: lines of dot leaders, which OCR often reads
     * as strings of letters. Such pages are reported apart, not dropped, so the figure for running
     * text stays visible next to the overall one.
     */
    public static boolean isLeaderPage(String referenceText) {
        return LEADER_LINE.matcher(referenceText).results().limit(LEADER_LINES).count() >= LEADER_LINES;
    }

    /** 1 − edits ÷ reference words, at least 0; 1 for two empty texts. */
    public static double of(String reference, String read) {
        List<String> expected = words(reference);
        int edits = edits(expected, words(read));
        return expected.isEmpty() ? (edits == 0 ? 1 : 0) : Math.max(0, 1 - (double) edits / expected.size());
    }
}
