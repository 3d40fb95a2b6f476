package dev.docflow.ingest.tables;

import dev.docflow.ingest.model.ExtractedTable;
import java.util.List;

/**
 * A table that {@link PdfTableExtractor} found on a PDF page.
 *
 * @param page 1-based page number
 * @param index 1-based position of the table on its page, top to bottom (then left to right)
 * @param rows cells row by row, each cell's text on one line; row 0 is the header
 * @param method how the table was found: ruling lines (lattice) or text alignment (stream)
 */
public record PageTable(int page, int index, List<List<String>> rows, Method method) {
    public enum Method { LATTICE, STREAM }

    public PageTable {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The table as the parse stage records it, for part {@code part} of a document. */
    public ExtractedTable toExtractedTable(int part) {
        return new ExtractedTable(part, page, index, rows);
    }
}
