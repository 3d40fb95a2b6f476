package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the lines of cells that wrap. Stream mode reads a table line by line, and a lattice read
 * of rows ruled line by line does the same, so a label or a description set on two lines comes
 * out as a row and a row beneath it ("Chronic fatigue / syndrome", "Suffered / from", "Emissions of
 * 10 tons per year or / more of any one air toxic, or 25"). A row is the rest of the row above when
 * it fills fewer cells than that row, each under a filled cell of that row and going on in lower
 * case, as a wrapped line does: its cells are joined to those above. A row as full as the one
 * above, or opening a column, or beginning with a capital, a figure or a mark, is a row of its own
 * (the next record, a group's name, R's {@code raw | unsigned char *} under {@code character}).
 * Applied to tables already kept, it never decides whether there is a table.
 */
final class WrappedLines {
    private WrappedLines() {}

    /** {@code rows}: tidied cells (one space between words), every row as wide as the table. */
    static List<List<String>> join(List<List<String>> rows) {
        List<List<String>> joined = new ArrayList<>();
        for (List<String> row : rows) {
            if (!joined.isEmpty() && continues(row, joined.get(joined.size() - 1))) {
                List<String> above = joined.get(joined.size() - 1);
                List<String> cells = new ArrayList<>(above);
                for (int c = 0; c < row.size(); c++) {
                    if (!row.get(c).isEmpty()) {
                        cells.set(c, above.get(c) + " " + row.get(c));
                    }
                }
                joined.set(joined.size() - 1, List.copyOf(cells));
            } else {
                joined.add(row);
            }
        }
        return joined;
    }

    private static boolean continues(List<String> row, List<String> above) {
        int filled = 0;
        for (int c = 0; c < row.size(); c++) {
            String cell = row.get(c);
            if (cell.isEmpty()) {
                continue;
            }
            if (c >= above.size() || above.get(c).isEmpty() || !Character.isLowerCase(cell.charAt(0))
                    || MergedNumberColumns.isFigure(cell)) {
                return false;
            }
            filled++;
        }
        // a row as full as the one above is the next record, even in lower case (R's "raw | unsigned char *")
        return filled > 0 && filled < above.stream().filter(cell -> !cell.isEmpty()).count();
    }
}
