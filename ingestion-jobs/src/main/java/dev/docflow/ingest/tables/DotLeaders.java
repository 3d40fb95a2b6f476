package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leader dots and rules typed as text. A row label led to its first figure by dots
 * ("0.90 ..................80") reads as one cell in stream mode, since the dots close the gap
 * between the columns; a line of dashes under a header ("--------") is a rule, not a cell.
 * A column in which at least {@link #MIN_SHARE} of the filled cells, and two or more, are a label, a
 * leader and a value, most of them with more figures in the columns to their right, is cut in two at
 * the leader, the dots dropped (an index or a list of contents leads each entry to its page number
 * and has nothing after it: it stays as it is, and is no table); a cell holding nothing but one
 * character repeated, dots, dashes, underscores or equals signs, is empty.
 */
final class DotLeaders {
    /** Four dots or more, spaced or not, between two texts. */
    private static final Pattern LEADER = Pattern.compile("(\\S.*?)\\s*(?:\\.\\s?){4,}\\s*(\\S.*)");
    /** A rule typed with one character: five or more, nothing else. */
    private static final Pattern TYPED_RULE = Pattern.compile("([-_=.\u2013\u2014])(\\s?\\1){4,}");
    static final double MIN_SHARE = 0.5;

    private DotLeaders() {}

    /** {@code rows}: tidied cells (one space between words), every row as wide as the table. */
    static List<List<String>> split(List<List<String>> rows) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        boolean[] cut = new boolean[width];
        for (int c = 0; c < width; c++) {
            int filled = 0;
            int led = 0;
            int followed = 0;
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : "";
                if (!cell.isEmpty() && !isTypedRule(cell)) {
                    filled++;
                    if (LEADER.matcher(cell).matches()) {
                        led++;
                        followed += figureAfter(row, c) ? 1 : 0;
                    }
                }
            }
            // an index or a list of contents leads each entry to its page, and nothing follows
            cut[c] = led >= 2 && led >= MIN_SHARE * filled && followed * 2 >= led;
        }
        List<List<String>> split = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                if (isTypedRule(cell)) {
                    cell = "";
                }
                Matcher leader = LEADER.matcher(cell);
                if (cut[c] && leader.matches()) {
                    cells.add(leader.group(1));
                    cells.add(leader.group(2));
                } else {
                    cells.add(cell);
                    if (cut[c]) {
                        cells.add("");
                    }
                }
            }
            if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
                split.add(cells);
            }
        }
        return split;
    }

    /** Whether a cell right of {@code column} holds a figure: the leader leads to the first of the row's values. */
    private static boolean figureAfter(List<String> row, int column) {
        for (int c = column + 1; c < row.size(); c++) {
            if (MergedNumberColumns.isFigure(row.get(c))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTypedRule(String cell) {
        return TYPED_RULE.matcher(cell).matches();
    }
}
