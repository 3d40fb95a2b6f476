package dev.docflow.ingest.tables;

import dev.docflow.ingest.chunk.TokenCounter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Cuts a table into pieces that fit a chunk: whole rows only, each piece with the header row
 * repeated so that it reads on its own. A table with a row that does not fit beside the header is
 * cut by columns as well ({@link WideTablePieces}), so that no piece is truncated by the embedder.
 */
public final class TableChunks {
    /** @param firstRow index of the piece's first body row (1: the row after the header) */
    public record Piece(String markdown, String csv, int firstRow, int lastRow) {}

    private TableChunks() {}

    public static List<Piece> split(List<List<String>> rows, TokenCounter tokens, int budget) {
        int headerTokens = tokens.count(MarkdownTable.render(List.of(rows.get(0))));
        int[] rowTokens = new int[rows.size()];
        for (int row = 1; row < rows.size(); row++) {
            rowTokens[row] = tokens.count(MarkdownTable.render(List.of(rows.get(row))));
            if (headerTokens + rowTokens[row] > budget) {
                return WideTablePieces.split(rows, tokens, budget);
            }
        }
        List<Piece> pieces = new ArrayList<>();
        int first = 1;
        int size = headerTokens;
        for (int row = 1; row < rows.size(); row++) {
            if (row > first && size + rowTokens[row] > budget) {
                pieces.add(rowRange(rows, first, row - 1));
                first = row;
                size = headerTokens;
            }
            size += rowTokens[row];
        }
        if (first < rows.size() || pieces.isEmpty()) {
            pieces.add(rowRange(rows, first, rows.size() - 1));
        }
        return pieces;
    }

    private static Piece rowRange(List<List<String>> rows, int first, int last) {
        List<List<String>> selection = new ArrayList<>();
        selection.add(rows.get(0));
        selection.addAll(rows.subList(first, last + 1));
        return piece(selection, first, last);
    }

    /** @param table the piece's own header and rows */
    static Piece piece(List<List<String>> table, int firstRow, int lastRow) {
        return new Piece(MarkdownTable.render(table), csv(table), firstRow, lastRow);
    }

    private static String csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
