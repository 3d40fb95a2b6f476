package dev.docflow.cli.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How well OCR read a page, against the page's own text layer: 1 − (word edits ÷ reference words),
 * where an edit is a word inserted, dropped or misread (Levenshtein distance over words). Words are
 * compared without case and punctuation, after Unicode compatibility folding (the "ﬁ" ligature is
 * "fi"), because those differ between a text layer and OCR without changing what a reader or a
 * search finds. Dot leaders ("Introduction ........ 5") are dropped on both sides: OCR reads them as
 * any number of dots, commas and dashes, which would count as edits of words that are not there.
 */
public final class WordAccuracy {
    private static final Pattern DOT_LEADERS = Pattern.compile("(?:\\.\\s*){3,}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private WordAccuracy() {}

    /** The words of {@code text} as compared: folded, lower-case, letters and digits only. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = DOT_LEADERS.matcher(folded).replaceAll(" ");
        List<String> words = new ArrayList<>();
        for (String token : folded.split("\\s+")) {
            String word = NOT_WORD.matcher(token).replaceAll("");
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

    /** 1 − edits ÷ reference words, at least 0; 1 for two empty texts. */
    public static double of(String reference, String read) {
        List<String> expected = words(reference);
        int edits = edits(expected, words(read));
        return expected.isEmpty() ? (edits == 0 ? 1 : 0) : Math.max(0, 1 - (double) edits / expected.size());
    }
}
