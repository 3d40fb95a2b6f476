package dev.docflow.ingest.tables;

import dev.docflow.ingest.chunk.TokenCounter;
import dev.docflow.ingest.tables.TableChunks.Piece;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a table whose rows do not fit a chunk (a spreadsheet of a hundred columns, a cell holding a
 * whole select list) into pieces of some columns and some rows, so that every piece fits the budget
 * and the embedder sees all of it. Each piece repeats its columns' header cells and, when it is
 * short, the row's first cell, so a value is still read with its column and its row. Rows with
 * nothing in a piece's columns are left out of it; a cell too long for any piece is cut between words
 * into rows of its own.
 *
 * <p>Costs are summed per cell: the pipes around a cell are tokens of their own, so a rendered row
 * counts as one for its leading pipe plus, per cell, the cell's tokens and one for its closing pipe.
 * Several column widths are tried and the one giving the fewest pieces is kept.
 */
final class WideTablePieces {
    private final int budget;
    private final TokenCounter tokens;
    private final String[][] cells;
    private final int[][] cost;
    private final int separator;
    private final boolean labelled;

    private WideTablePieces(List<List<String>> rows, TokenCounter tokens, int budget) {
        this.budget = budget;
        this.tokens = tokens;
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        cells = new String[rows.size()][columns];
        cost = new int[rows.size()][columns];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                String cell = c < rows.get(r).size() ? rows.get(r).get(c).replace('\n', ' ') : "";
                cells[r][c] = r == 0 ? words(cell, budget / 4).get(0) : cell;
                cost[r][c] = count(cells[r][c]) + 1;
            }
        }
        separator = tokens.count("| --- |") - 1;
        labelled = columns > 1 && cost[0][0] + separator + widest(0) <= budget / 4;
    }

    static List<Piece> split(List<List<String>> rows, TokenCounter tokens, int budget) {
        WideTablePieces table = new WideTablePieces(rows, tokens, budget);
        List<Piece> fewest = null;
        for (int width : new int[] {budget / 4, budget / 3, budget / 2, budget * 2 / 3, budget}) {
            List<Piece> pieces = new ArrayList<>();
            for (int[] group : table.columnGroups(width)) {
                table.addPieces(group, pieces);
            }
            if (fewest == null || pieces.size() < fewest.size()) {
                fewest = pieces;
            }
        }
        if (fewest.isEmpty()) { // no values at all: the header still says what the table is
            for (int[] group : table.columnGroups(budget)) {
                fewest.add(table.piece(group, List.of()));
            }
        }
        return fewest;
    }

    /** Consecutive data columns whose header, separator and widest row fit the width together. */
    private List<int[]> columnGroups(int width) {
        List<int[]> groups = new ArrayList<>();
        int[] rowCost = new int[cells.length];
        List<Integer> group = new ArrayList<>();
        int fixed = 0;
        for (int c = labelled ? 1 : 0; c < cost[0].length; c++) {
            int widest = 0;
            for (int r = 1; r < cells.length; r++) {
                widest = Math.max(widest, rowCost[r] + cost[r][c]);
            }
            if (!group.isEmpty() && fixed + cost[0][c] + separator + widest > width) {
                groups.add(group.stream().mapToInt(Integer::intValue).toArray());
                group.clear();
            }
            if (group.isEmpty()) {
                fixed = fixedCost(new int[0]);
                for (int r = 1; r < cells.length; r++) {
                    rowCost[r] = 1 + (labelled ? cost[r][0] : 0);
                }
            }
            group.add(c);
            fixed += cost[0][c] + separator;
            for (int r = 1; r < cells.length; r++) {
                rowCost[r] += cost[r][c];
            }
        }
        if (!group.isEmpty()) {
            groups.add(group.stream().mapToInt(Integer::intValue).toArray());
        }
        return groups;
    }

    /** The group's rows packed into pieces; a row too long for one is cut into several. */
    private void addPieces(int[] group, List<Piece> pieces) {
        int room = budget - fixedCost(group);
        List<Row> piece = new ArrayList<>();
        int size = 0;
        for (int r = 1; r < cells.length; r++) {
            for (Row row : rowsOf(r, group, room)) {
                if (!piece.isEmpty() && size + row.cost > room) {
                    pieces.add(piece(group, piece));
                    piece.clear();
                    size = 0;
                }
                piece.add(row);
                size += row.cost;
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece(group, piece));
        }
    }

    /** Row r restricted to the group: none when it is empty there, several when it is too long. */
    private List<Row> rowsOf(int r, int[] group, int room) {
        String label = labelled ? cells[r][0] : null;
        int bare = 1 + (labelled ? cost[r][0] : 0) + group.length;
        List<Row> rows = new ArrayList<>();
        String[] values = new String[group.length];
        int size = bare;
        boolean empty = true;
        for (int i = 0; i < group.length; i++) {
            String cell = cells[r][group[i]];
            int extra = cost[r][group[i]] - 1;
            if (cell.isEmpty()) {
                continue;
            }
            if (!empty && size + extra > room) {
                rows.add(new Row(r, label, values.clone(), size));
                Arrays.fill(values, null);
                size = bare;
                empty = true;
            }
            if (bare + extra <= room) {
                values[i] = cell;
                size += extra;
                empty = false;
                continue;
            }
            for (String fragment : words(cell, room - bare)) {
                String[] alone = new String[group.length];
                alone[i] = fragment;
                rows.add(new Row(r, label, alone, bare + count(fragment)));
            }
        }
        if (!empty) {
            rows.add(new Row(r, label, values, size));
        }
        return rows;
    }

    private Piece piece(int[] group, List<Row> rows) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        if (labelled) {
            header.add(cells[0][0]);
        }
        for (int c : group) {
            header.add(cells[0][c]);
        }
        table.add(header);
        for (Row row : rows) {
            List<String> values = new ArrayList<>();
            if (row.label != null) {
                values.add(row.label);
            }
            for (String value : row.values) {
                values.add(value == null ? "" : value);
            }
            table.add(values);
        }
        return rows.isEmpty() ? TableChunks.piece(table, 1, cells.length - 1)
                : TableChunks.piece(table, rows.get(0).source, rows.get(rows.size() - 1).source);
    }

    /** The header row, the separator row and the leading pipe of each. */
    private int fixedCost(int[] group) {
        int fixed = 2 + (labelled ? cost[0][0] + separator : 0);
        for (int c : group) {
            fixed += cost[0][c] + separator;
        }
        return fixed;
    }

    private int widest(int column) {
        int widest = 0;
        for (int r = 1; r < cells.length; r++) {
            widest = Math.max(widest, cost[r][column]);
        }
        return widest;
    }

    /**
     * The text cut between words into runs of at most {@code limit} tokens; a word longer than that
     * is cut every {@code limit / 2} characters (a word piece is at least one character, and an
     * escaped pipe two).
     */
    private List<String> words(String text, int limit) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int size = 0;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int wordCost = count(word);
            if (wordCost > limit) {
                int step = Math.max(1, limit / 2);
                for (int at = 0; at < word.length(); at += step) {
                    runs.add(word.substring(at, Math.min(word.length(), at + step)));
                }
                continue;
            }
            if (size + wordCost > limit) {
                runs.add(run.toString());
                run.setLength(0);
                size = 0;
            }
            run.append(run.isEmpty() ? "" : " ").append(word);
            size += wordCost;
        }
        if (!run.isEmpty() || runs.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    /** The tokens of a cell as {@link MarkdownTable} renders it. */
    private int count(String cell) {
        return tokens.count(cell.replace("|", "\\|"));
    }

    /** @param source the table row it comes from; values are null where the row is empty */
    private record Row(int source, String label, String[] values, int cost) {}
}
