package dev.docflow.ingest.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table found in a document, cell by cell; its Markdown is a {@link BlockKind#TABLE} block of
 * the extracted text.
 *
 * <p>Cells are held as arrays so that Flink serializes the table with its own serializers: a list
 * would go to Kryo, which on Java 17 needs {@code java.util} opened to it.
 *
 * @param page 1-based page of a paged part, 0 otherwise
 * @param index 1-based position of the table on its page (or in its part, when unpaged)
 * @param cells cells row by row; row 0 is the header
 */
public record ExtractedTable(int part, int page, int index, String[][] cells) {

    public ExtractedTable(int part, int page, int index, List<List<String>> rows) {
        this(part, page, index, rows.stream().map(row -> row.toArray(String[]::new)).toArray(String[][]::new));
    }

    /** The cells row by row; row 0 is the header. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>(cells.length);
        for (String[] row : cells) {
            rows.add(java.util.Collections.unmodifiableList(Arrays.asList(row)));
        }
        return rows;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtractedTable table && part == table.part && page == table.page
                && index == table.index && Arrays.deepEquals(cells, table.cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * part + page) + index) + Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        return "ExtractedTable[part=" + part + ", page=" + page + ", index=" + index + ", rows=" + rows() + "]";
    }
}
