package dev.docflow.ingest.tables;

import java.util.List;

/**
 * Tells a ruled table from one whose lines stop short of its body: a frame, a rule under the
 * header and a few column lines make tabula's lattice mode see a table, but every unruled row of
 * the body then lands in one tall cell ("291,099 54,425 34,947 …") and every unruled column in
 * one wide cell ("25g1090.9931.1891.1----"). Such a table is read again by alignment (stream).
 *
 * <p>A cell is packed when one of its lines holds runs of words a column gap apart (the columns
 * inside it were not ruled), or when it has {@link #MIN_STACKED_LINES} lines or more and another
 * cell of its row has as many (the rows inside it were not ruled; a wrapped description is one
 * tall cell among short ones). The table lacks rulings when packed cells hold more than
 * {@link #MAX_PACKED_SHARE} of its runs of words.
 */
final class UnruledBody {
    static final int MIN_STACKED_LINES = 3;
    static final double MAX_PACKED_SHARE = 0.5;

    /** The layout of one cell's text: its number of lines, and of runs on its widest line and in all. */
    record CellLayout(int lines, int runsOnOneLine, int runs) {
        static final CellLayout EMPTY = new CellLayout(0, 0, 0);
    }

    private UnruledBody() {}

    static boolean lacksRulings(List<List<CellLayout>> rows) {
        long runs = 0;
        long packed = 0;
        for (List<CellLayout> row : rows) {
            for (CellLayout cell : row) {
                runs += cell.runs();
                if (packed(cell, row)) {
                    packed += cell.runs();
                }
            }
        }
        return runs > 0 && packed > MAX_PACKED_SHARE * runs;
    }

    private static boolean packed(CellLayout cell, List<CellLayout> row) {
        if (cell.runsOnOneLine() >= 2) {
            return true;
        }
        return cell.lines() >= MIN_STACKED_LINES
                && row.stream().filter(other -> other.lines() >= MIN_STACKED_LINES).count() >= 2;
    }
}
