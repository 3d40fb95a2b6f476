package dev.docflow.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cell-level agreement between extracted and expected tables: the two are compared as multisets
 * of cell texts, so a table found with its cells in the right places scores whatever its row and
 * column numbering, while split or merged cells, missed tables and junk tables all cost. Empty
 * cells are left out: how many a table has depends on how spans are laid out, not on its content.
 */
public final class CellMatch {
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    /** Counts over one or more documents; precision and recall are micro-averaged when summed. */
    public record Score(long extracted, long expected, long matched) {
        public static final Score NONE = new Score(0, 0, 0);

        public Score plus(Score other) {
            return new Score(extracted + other.extracted, expected + other.expected, matched + other.matched);
        }

        /** Matched share of the extracted cells; 1 when nothing was extracted (nothing was wrong). */
        public double precision() {
            return extracted == 0 ? 1 : (double) matched / extracted;
        }

        /** Matched share of the expected cells; 1 when nothing was expected. */
        public double recall() {
            return expected == 0 ? 1 : (double) matched / expected;
        }

        public String line() {
            return String.format(Locale.ROOT, "precision=%.3f recall=%.3f cells extracted=%d expected=%d matched=%d",
                    precision(), recall(), extracted, expected, matched);
        }
    }

    /** A page of a document and the score of its tables against the expected cells. */
    public record PageScore(int page, Score score) {}

    private CellMatch() {}

    /**
     * The page whose cells match {@code expected} best (most matched cells; page 1 when none
     * matches, or on a tie with it): for ground truth that names its document but not its page.
     */
    public static PageScore bestPage(Map<Integer, List<String>> cellsByPage, List<String> expected) {
        PageScore best = new PageScore(1, compare(cellsByPage.getOrDefault(1, List.of()), expected));
        for (Map.Entry<Integer, List<String>> page : cellsByPage.entrySet()) {
            Score score = compare(page.getValue(), expected);
            if (score.matched() > best.score().matched()) {
                best = new PageScore(page.getKey(), score);
            }
        }
        return best;
    }

    /** Lower case, whitespace (line breaks included) collapsed to one space, trimmed. */
    public static String normalise(String cell) {
        return WHITESPACE.matcher(cell).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    public static Score compare(Collection<String> extracted, Collection<String> expected) {
        Map<String, Integer> wanted = new HashMap<>();
        long expectedCount = 0;
        for (String cell : expected) {
            String text = normalise(cell);
            if (!text.isEmpty()) {
                wanted.merge(text, 1, Integer::sum);
                expectedCount++;
            }
        }
        long extractedCount = 0;
        long matched = 0;
        for (String cell : extracted) {
            String text = normalise(cell);
            if (!text.isEmpty()) {
                extractedCount++;
                if (wanted.getOrDefault(text, 0) > 0) {
                    wanted.merge(text, -1, Integer::sum);
                    matched++;
                }
            }
        }
        return new Score(extractedCount, expectedCount, matched);
    }
}
