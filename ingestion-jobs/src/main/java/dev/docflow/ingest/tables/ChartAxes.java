package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A chart read as a table: its axis ticks line up in a column (0.880, 0.875, 0.870 down a
 * y-axis; 7,400, 7,300, 7,200 beside it) between scattered labels and values, and alignment sees
 * columns. A table's column of figures runs evenly too at times (years, ranks), but a table fills
 * its rows; a chart leaves much of its grid empty. A stream "table" is a chart when a column holds
 * {@link #MIN_TICKS} figures or more, one to a cell, evenly spaced, and fewer than
 * {@link #MAX_FILLED_SHARE} of its cells are filled.
 */
final class ChartAxes {
    static final int MIN_TICKS = 3;
    static final double MAX_FILLED_SHARE = 0.6;

    private ChartAxes() {}

    /** {@code rows}: tidied cells, every row as wide as the table. */
    static boolean matches(List<List<String>> rows) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        long filled = rows.stream().flatMap(List::stream).filter(cell -> !cell.isEmpty()).count();
        if (filled >= MAX_FILLED_SHARE * width * rows.size()) {
            return false;
        }
        for (int c = 0; c < width; c++) {
            List<Double> ticks = new ArrayList<>();
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : "";
                if (!cell.isEmpty()) {
                    value(cell).ifPresent(ticks::add);
                }
            }
            if (evenlySpaced(ticks)) {
                return true;
            }
        }
        return false;
    }

    static boolean evenlySpaced(List<Double> ticks) {
        if (ticks.size() < MIN_TICKS) {
            return false;
        }
        double step = ticks.get(1) - ticks.get(0);
        if (step == 0) {
            return false;
        }
        for (int i = 2; i < ticks.size(); i++) {
            double d = ticks.get(i) - ticks.get(i - 1);
            if (Math.abs(d - step) > 1e-6 * Math.max(1, Math.abs(step))) {
                return false;
            }
        }
        return true;
    }

    /** The number a cell holds when it is one figure ({@code 7,400}, {@code 0.0950}, {@code 40%}). */
    static OptionalDouble value(String cell) {
        String number = cell.replace(",", "").replace("%", "").replace("$", "");
        if (!number.matches("-?\\d+(\\.\\d+)?")) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(number));
    }
}
