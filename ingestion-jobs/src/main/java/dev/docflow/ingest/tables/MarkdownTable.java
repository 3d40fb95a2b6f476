package dev.docflow.ingest.tables;

import java.util.List;

/** Renders table rows as a GitHub pipe table; row 0 is the header. */
public final class MarkdownTable {
    private MarkdownTable() {}

    public static String render(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < rows.size(); r++) {
            out.append('|');
            for (int c = 0; c < columns; c++) {
                String cell = c < rows.get(r).size() ? rows.get(r).get(c) : "";
                out.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|').append(" --- |".repeat(columns)).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }
}
