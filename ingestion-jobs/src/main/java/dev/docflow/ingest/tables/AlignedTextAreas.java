package dev.docflow.ingest.tables;

import java.util.ArrayList;
import java.util.List;
import technology.tabula.Line;
import technology.tabula.Page;
import technology.tabula.Rectangle;
import technology.tabula.TextChunk;
import technology.tabula.TextElement;

/**
 * Finds the parts of a page where consecutive lines are split into columns by wide gaps: the
 * areas a borderless table occupies. tabula's own detector (Nurminen) cannot be used on PDFBox 3
 * (it rewrites the page with a PDFBox 2-only parser method and fails with NoSuchMethodError), and
 * stream extraction over a whole page lets the prose around a table merge its columns.
 *
 * <p>tabula already splits a line into chunks wherever the gap between words is wider than a
 * space; a line with two or more chunks {@link #MIN_COLUMN_GAP} apart is "aligned". An area is a
 * run of at least {@link #MIN_ALIGNED_LINES} aligned lines, which may carry one or two single
 * lines that wrap a cell or name a group. The single line above is left out even when it is a
 * heading: more often it is the end of a paragraph, and a line across the whole width merges
 * tabula's columns into one (ICDAR 2013 cell recall 0.73 with it, 0.79 without).
 */
final class AlignedTextAreas {
    static final int MIN_ALIGNED_LINES = 2;
    /**
     * Justified prose and double spaces after a sentence split lines into chunks too, with gaps
     * mostly under two glyph heights on the R manuals (a few up to three); table columns are
     * mostly further apart. 2.0, 2.5 and 3.0 score alike on ICDAR 2013; from 2.5 the manuals give
     * 93 tables instead of 105.
     */
    static final float MIN_COLUMN_GAP = 2.5f;
    /** A gap of more blank line heights than this ends an area. */
    private static final float MAX_GAP_LINES = 2.5f;

    private AlignedTextAreas() {}

    static List<Rectangle> find(Page page) {
        List<Line> lines = new ArrayList<>();
        for (Line line : TextChunk.groupByLines(TextElement.mergeWords(page.getText()))) {
            if (words(line) > 0) {
                lines.add(line);
            }
        }
        List<Rectangle> areas = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (words(lines.get(i)) < 2) {
                i++;
                continue;
            }
            int aligned = 0;
            int last = i;
            int j = i;
            while (j < lines.size() && (j == i || close(lines.get(j - 1), lines.get(j)))) {
                if (words(lines.get(j)) >= 2) {
                    aligned++;
                    last = j;
                } else if (!aligned(lines, j + 1) && !aligned(lines, j + 2)) {
                    break; // three single lines in a row: the table has ended
                }
                j++;
            }
            if (aligned >= MIN_ALIGNED_LINES) {
                areas.add(bounds(lines.subList(i, last + 1)));
            }
            i = last + 1;
        }
        return areas;
    }

    private static boolean aligned(List<Line> lines, int index) {
        return index < lines.size() && words(lines.get(index)) >= 2;
    }

    /** The line's runs of words, counting as separate only runs apart by a column gap. */
    private static int words(Line line) {
        return runs(line, MIN_COLUMN_GAP);
    }

    /** The line's runs of words, counting as separate only runs at least {@code gap} glyph heights apart. */
    static int runs(Line line, float gap) {
        int count = 0;
        TextChunk previous = null;
        for (TextChunk chunk : line.getTextElements()) {
            if (chunk.isSameChar(Line.WHITE_SPACE_CHARS)) {
                continue;
            }
            if (previous == null || chunk.getLeft() - previous.getRight() >= gap * chunk.getHeight()) {
                count++;
            }
            previous = chunk;
        }
        return count;
    }

    private static boolean close(Line above, Line below) {
        float height = Math.max(1f, (float) Math.min(above.getHeight(), below.getHeight()));
        return below.getTop() - above.getBottom() <= MAX_GAP_LINES * height;
    }

    private static Rectangle bounds(List<Line> lines) {
        Rectangle area = new Rectangle();
        area.setRect(lines.get(0));
        for (Line line : lines) {
            area.add(line);
        }
        // a point of margin so that no glyph on the edge is cut off
        return new Rectangle(area.getTop() - 1, area.getLeft() - 1,
                (float) area.getWidth() + 2, (float) area.getHeight() + 2);
    }
}
