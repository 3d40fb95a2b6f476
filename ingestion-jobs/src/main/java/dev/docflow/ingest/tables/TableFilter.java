package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether what tabula calls a table is one. Text-alignment detection sees a table in any
 * block of lines that share column edges, so on a typeset manual most "tables" are paragraphs cut
 * into columns; indexing those as tables would duplicate the prose as noise. A kept table has at
 * least two rows and two columns of text and, unless ruled, mostly short cells.
 */
final class TableFilter {
    static final int MIN_ROWS = 2;
    static final int MIN_COLUMNS = 2;
    /** A cell of this many words or more reads as running text rather than a value. */
    static final int PROSE_WORDS = 8;
    /**
     * Above this share of running-text cells, or of rows holding one, a "table" is a paragraph cut
     * into columns.
     */
    static final double MAX_PROSE_SHARE = 0.4;

    /** Rows averaging this many words of letters, however split into cells, are lines of prose. */
    static final int SENTENCE_WORDS = 7;
    /** Ruled cells hold descriptions too, but rarely this many words. */
    static final int MAX_RULED_CELL_WORDS = 60;

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000]+");

    private TableFilter() {}

    /** A cell's text on one line: line breaks and runs of (non-breaking) spaces become one space. */
    static String cellText(String raw) {
        return raw == null ? "" : WHITESPACE.matcher(raw).replaceAll(" ").strip();
    }

    /**
     * The table with its cells tidied and its empty rows and columns dropped, or empty when it is
     * too small or, found by alignment alone, reads as prose. A table drawn with ruling lines is
     * one even with long cells (glossaries, requirement lists), unless a cell holds a whole text.
     */
    static Optional<List<List<String>>> keep(List<List<String>> raw, PageTable.Method method) {
        List<List<String>> rows = new ArrayList<>();
        int width = 0;
        for (List<String> row : raw) {
            List<String> cells = row.stream().map(TableFilter::cellText).toList();
            if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
                rows.add(cells);
                width = Math.max(width, cells.size());
            }
        }
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            int column = c;
            if (rows.stream().anyMatch(row -> !cell(row, column).isEmpty())) {
                columns.add(c);
            }
        }
        if (rows.size() < MIN_ROWS || columns.size() < MIN_COLUMNS) {
            return Optional.empty();
        }
        List<List<String>> kept = rows.stream()
                .map(row -> columns.stream().map(c -> cell(row, c)).toList())
                .toList();
        if (method == PageTable.Method.STREAM) {
            kept = MergedNumberColumns.split(DotLeaders.split(TableInComments.uncomment(kept)));
        }
        boolean junk = method == PageTable.Method.STREAM ? kept.size() < MIN_ROWS || readsAsProse(kept) || ChartAxes.matches(kept) || NotATable.junk(kept) : framesText(kept);
        // once kept: joining the lines of wrapped cells does not decide whether there is a table
        return junk ? Optional.empty() : Optional.of(WrappedLines.join(kept));
    }

    /**
     * A box drawn round a page or a column holds it as one long "cell" with most of the words: a
     * frame, not a table (a table's long footnote row is a smaller share).
     */
    private static boolean framesText(List<List<String>> rows) {
        int longest = rows.stream().flatMap(List::stream).mapToInt(TableFilter::words).max().orElse(0);
        int total = rows.stream().flatMap(List::stream).mapToInt(TableFilter::words).sum();
        return longest >= MAX_RULED_CELL_WORDS && longest * 2 >= total;
    }

    private static int words(String cell) {
        return cell.isEmpty() ? 0 : cell.split(" ").length;
    }

    private static boolean readsAsProse(List<List<String>> rows) {
        long filled = 0;
        long prose = 0;
        long proseRows = 0;
        for (List<String> row : rows) {
            boolean proseRow = false;
            for (String cell : row) {
                if (!cell.isEmpty()) {
                    filled++;
                    if (words(cell) >= PROSE_WORDS) {
                        prose++;
                        proseRow = true;
                    }
                }
            }
            proseRows += proseRow ? 1 : 0;
        }
        return prose > MAX_PROSE_SHARE * filled || proseRows > MAX_PROSE_SHARE * rows.size()
                || rows.stream().mapToLong(TableFilter::textWords).sum() >= (long) SENTENCE_WORDS * rows.size();
    }

    /** Words of letters across a row: justified lines cut at each wide space are sentences again. */
    private static long textWords(List<String> row) {
        return row.stream().flatMap(cell -> Arrays.stream(cell.split(" "))).filter(TableFilter::isTextWord).count();
    }

    private static boolean isTextWord(String token) {
        return token.length() > 1
                && token.chars().allMatch(c -> Character.isLetter(c) || c == ',' || c == '.' || c == '\'');
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }
}
