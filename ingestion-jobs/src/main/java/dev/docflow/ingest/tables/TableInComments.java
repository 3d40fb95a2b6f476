package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table written inside line comments (R-ints' ESS indentation styles behind Emacs Lisp's
 * {@code ;;}): every row opens with the same comment mark, which stream mode puts in the first
 * column's cells. The marks are a margin, not text of the first column: without them, the rest is
 * judged as any other table. Code with aligned comments has comments further right too, and keeps
 * its marks (it is no table, {@link NotATable}).
 */
final class TableInComments {
    /** A line comment's mark and the text after it. */
    private static final Pattern MARK = Pattern.compile("(;+|#+|//)(?: (.*))?");

    private TableInComments() {}

    /** {@code rows} without the comment mark before every row, or as they are when they are not all behind one mark. */
    static List<List<String>> uncomment(List<List<String>> rows) {
        String mark = null;
        boolean text = false;
        List<List<String>> uncommented = new ArrayList<>();
        for (List<String> row : rows) {
            Matcher first = MARK.matcher(row.isEmpty() ? "" : row.get(0));
            if (!first.matches() || (mark != null && !mark.equals(first.group(1)))) {
                return rows;
            }
            mark = first.group(1);
            String rest = first.group(2) == null ? "" : first.group(2);
            text |= !rest.isEmpty();
            for (String cell : row.subList(1, row.size())) {
                if (MARK.matcher(cell).matches() || cell.startsWith(mark)) {
                    return rows;
                }
            }
            List<String> cells = new ArrayList<>(row);
            cells.set(0, rest);
            uncommented.add(List.copyOf(cells));
        }
        // marks alone down the first column are a margin before code (NotATable), not a table's first column
        return text ? uncommented : rows;
    }
}
