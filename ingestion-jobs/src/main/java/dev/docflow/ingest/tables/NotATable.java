package dev.docflow.ingest.tables;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Blocks that alignment alone takes for tables on the pages of a manual, and that are not (found
 * on the R manuals page by page, {@code eval/tables/r-manuals-table-pages.tsv}): code with its
 * comments aligned in a column, code behind a column of continuation or comment marks
 * ({@code +}, Fortran's {@code c} and {@code *}), definition lines with their kind at the right
 * margin ({@code [Function]}), R's printout of a vector ({@code [1] "aic" "boundary" …}), R
 * statements set side by side ({@code yb1 <- mean(y1);   yb2 <- mean(y2)}), a log behind its
 * process id ({@code ==12539==}), justified prose cut at its wide spaces (whose "cells" are single
 * function words, or where a sentence ends in one cell and the next begins in the next), lines that
 * share no column (a plot's axis labels above a line of code), and {@link ColumnsOfNames}.
 */
final class NotATable {
    private static final Pattern COMMENT = Pattern.compile("^(#|/\\*|//|;;|--\\s).*");
    private static final Pattern VECTOR_INDEX = Pattern.compile("^\\[\\d+]( .*)?$");
    private static final Pattern DEFINITION_KIND = Pattern.compile("^\\[[A-Z][a-z]+( [A-Za-z]+)?]$");
    /** {@code s1 <- var(y1);}: R's assignment with its spaces (a table's {@code x$a<-1} is an example of syntax). */
    private static final Pattern R_ASSIGNMENT = Pattern.compile("^[A-Za-z.][A-Za-z0-9._]*\\s+<-\\s+\\S.*");
    /** A cell ending a sentence: a word of lower-case letters and a full stop ("platforms.", not "No." or "St."). */
    private static final Pattern SENTENCE_END = Pattern.compile("(^|.* )[a-z]{3,}\\.$");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "to", "and", "a", "an", "in", "for", "is",
            "that", "with", "as", "by", "on", "be", "or", "it", "if", "are", "can", "not", "this", "from", "at", "use");
    /** A column this share of whose cells are comments, marks or kinds makes the block code. */
    static final double MARKED_SHARE = 0.6;
    /** Cells that are nothing but one or two lower-case function words, as a share of all cells, in prose cut into columns. */
    static final double FUNCTION_WORD_SHARE = 0.1;

    private NotATable() {}

    /** {@code rows}: tidied cells, every row as wide as the table. */
    static boolean junk(List<List<String>> rows) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        for (int c = 0; c < width; c++) {
            if (markedColumn(rows, c)) {
                return true;
            }
        }
        long filled = rows.stream().flatMap(List::stream).filter(cell -> !cell.isEmpty()).count();
        long vectorRows = rows.stream().filter(row -> !row.isEmpty() && VECTOR_INDEX.matcher(row.get(0)).matches()).count();
        long functionWords = rows.stream().flatMap(List::stream).filter(NotATable::functionWords).count();
        return vectorRows * 2 > rows.size() || (functionWords >= 2 && functionWords >= FUNCTION_WORD_SHARE * filled)
                || sentenceAcrossCells(rows) || !sharesAColumn(rows) || ColumnsOfNames.matches(rows);
    }

    /**
     * A row in which one cell ends a sentence and the next cell begins one: a line of justified prose,
     * its spaces widened round a long URL ("and macOS | platforms. | See | https://…").
     */
    static boolean sentenceAcrossCells(List<List<String>> rows) {
        for (List<String> row : rows) {
            List<String> filled = row.stream().filter(cell -> !cell.isEmpty()).toList();
            for (int c = 0; c + 1 < filled.size(); c++) {
                if (SENTENCE_END.matcher(filled.get(c)).matches() && Character.isUpperCase(filled.get(c + 1).charAt(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether some column holds cells of two rows: rows with no column in common are lines that merely sit together. */
    static boolean sharesAColumn(List<List<String>> rows) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        for (int c = 0; c < width; c++) {
            int column = c;
            if (rows.stream().filter(row -> column < row.size() && !row.get(column).isEmpty()).count() >= 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean markedColumn(List<List<String>> rows, int column) {
        long filled = 0;
        long marked = 0;
        String mark = null;
        boolean sameMark = true;
        for (List<String> row : rows) {
            String cell = column < row.size() ? row.get(column) : "";
            if (cell.isEmpty()) {
                continue;
            }
            filled++;
            if (COMMENT.matcher(cell).matches() || DEFINITION_KIND.matcher(cell).matches()
                    || R_ASSIGNMENT.matcher(cell).matches()) {
                marked++;
            }
            if (mark == null) {
                mark = cell;
            }
            sameMark &= cell.equals(mark);
        }
        // the first column one repeated mark: of a character or two, the margin of console input or Fortran
        // source (further right, a column of dashes is a table's "none"); between signs, a log's process id
        // (valgrind's ==12539==)
        boolean margin = column == 0 && sameMark && filled >= 2
                && (mark.equals("c") || mark.equals("C") || !Character.isLetterOrDigit(mark.charAt(0))
                        && (mark.length() <= 2 || !Character.isLetterOrDigit(mark.charAt(mark.length() - 1))));
        return filled >= 2 && (margin || marked >= MARKED_SHARE * filled);
    }

    private static boolean functionWords(String cell) {
        // all of the cell ("of", "for the"): a header's "to air" is a label
        String[] words = cell.split(" ");
        return words.length <= 2 && Arrays.stream(words).allMatch(FUNCTION_WORDS::contains);
    }
}
