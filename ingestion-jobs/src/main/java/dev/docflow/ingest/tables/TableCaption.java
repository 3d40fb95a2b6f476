package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * Separates a table's caption from its header. Tables read cell by cell often open with title rows
 * spanning all columns (a report's name, its year); taken for the header, they would be repeated on
 * every piece of a long table while the real column names are not.
 */
public final class TableCaption {
    private TableCaption() {}

    /** @param caption the title rows' text, top first; {@code rows} starts at the real header */
    public record Split(List<String> caption, List<List<String>> rows) {}

    public static Split split(List<List<String>> rows) {
        List<String> caption = new ArrayList<>();
        int first = 0;
        // a table keeps at least a header and a row; a one-column table has no title rows to tell apart
        while (rows.size() - first > 2 && width(rows) > 1 && filled(rows.get(first)).size() == 1) {
            caption.add(filled(rows.get(first)).get(0));
            first++;
        }
        return new Split(caption, rows.subList(first, rows.size()));
    }

    private static int width(List<List<String>> rows) {
        return rows.stream().mapToInt(List::size).max().orElse(0);
    }

    private static List<String> filled(List<String> row) {
        return row.stream().filter(cell -> cell != null && !cell.isBlank()).toList();
    }
}
