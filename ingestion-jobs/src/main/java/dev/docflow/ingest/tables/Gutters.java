package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * The vertical channels of white space that run down an area: the gaps between a table's columns,
 * and the gutter between a table and the column of prose beside it on a page set in two columns.
 * Alignment sees one area across both; read whole, the prose makes it fail as a table, so the
 * extractor tries the area split at each channel and keeps the split whose sides give the most
 * table cells (a split between two of the table's own columns leaves a one-column side, which is
 * no table). A channel may be crossed by a few runs: text extraction now and then joins a table
 * row and the prose line level with it into one run ("cmf-icd10.html. Massachusetts").
 */
final class Gutters {
    /** The horizontal extent of a run of text. */
    record Span(double left, double right) {}

    /** Runs that may cross a channel, per run in the area. */
    static final double CROSSING_SHARE = 0.02;

    private Gutters() {}

    /** Middles of the channels at least {@code minWidth} wide between the leftmost and rightmost text, left to right. */
    static List<Double> find(List<Span> spans, double minWidth) {
        List<Double> channels = new ArrayList<>();
        if (spans.isEmpty()) {
            return channels;
        }
        int from = (int) Math.floor(spans.stream().mapToDouble(Span::left).min().orElseThrow());
        int to = (int) Math.ceil(spans.stream().mapToDouble(Span::right).max().orElseThrow());
        int[] crossing = new int[to - from + 1];
        for (Span span : spans) {
            // a point is covered when the run reaches over all of it
            for (int x = (int) Math.ceil(span.left()); x < span.right(); x++) {
                crossing[x - from]++;
            }
        }
        int allowed = (int) Math.floor(CROSSING_SHARE * spans.size());
        int start = -1;
        for (int x = 0; x < crossing.length; x++) {
            boolean open = crossing[x] <= allowed;
            if (open && start < 0) {
                start = x;
            } else if (!open && start >= 0) {
                if (start > 0 && x - start >= minWidth) {
                    channels.add(from + (start + x) / 2.0);
                }
                start = -1;
            }
        }
        return channels;
    }
}
