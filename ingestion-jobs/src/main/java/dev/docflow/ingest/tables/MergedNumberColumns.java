package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits the columns that tabula's stream mode ran together: when a header spans two columns of
 * figures, it reads them as one, and each cell holds both numbers ("2,815,544 2,893,045"). A column
 * in which most filled cells are the same number k ≥ 2 of figures is cut into k columns; a cell of
 * that column holding anything else (its header) stays whole in the first of them.
 */
final class MergedNumberColumns {
    /** A figure: digits with their separators, signs, currency, percent, footnote marks; or a lone dash. */
    private static final Pattern FIGURE = Pattern.compile("[(\\[$€£+*†‡-]*\\d[\\d.,:/–—-]*[%)\\]*†‡]*|[–—-]");
    /** The share of a column's filled cells that must hold k figures each. */
    static final double MIN_SHARE = 0.6;

    private MergedNumberColumns() {}

    /** {@code rows}: tidied cells (one space between words), every row as wide as the table. */
    static List<List<String>> split(List<List<String>> rows) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        List<Integer> parts = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            parts.add(figuresPerCell(rows, c));
        }
        if (parts.stream().allMatch(k -> k == 1)) {
            return rows;
        }
        List<List<String>> split = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                int k = parts.get(c);
                String[] tokens = cell.split(" ");
                if (k > 1 && tokens.length == k && allFigures(tokens)) {
                    cells.addAll(List.of(tokens));
                } else {
                    cells.add(cell);
                    for (int i = 1; i < k; i++) {
                        cells.add("");
                    }
                }
            }
            split.add(cells);
        }
        return split;
    }

    /** k when most filled cells of the column are k ≥ 2 figures, else 1. */
    private static int figuresPerCell(List<List<String>> rows, int column) {
        int filled = 0;
        int[] counts = new int[16];
        for (List<String> row : rows) {
            String cell = column < row.size() ? row.get(column) : "";
            if (!cell.isEmpty()) {
                filled++;
                String[] tokens = cell.split(" ");
                if (tokens.length >= 2 && tokens.length < counts.length && allFigures(tokens)) {
                    counts[tokens.length]++;
                }
            }
        }
        for (int k = 2; k < counts.length; k++) {
            if (counts[k] >= 2 && counts[k] >= MIN_SHARE * filled) {
                return k;
            }
        }
        return 1;
    }

    /** Whether a cell is one figure. */
    static boolean isFigure(String cell) {
        return FIGURE.matcher(cell).matches();
    }

    private static boolean allFigures(String[] tokens) {
        for (String token : tokens) {
            if (!FIGURE.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }
}
