package dev.docflow.ingest.tables;

import java.util.List;
import technology.tabula.Rectangle;

/**
 * Which glyphs a ruled cell holds. tabula's lattice mode keeps only the glyphs wholly inside a
 * cell, so a glyph that merely touches a ruling is lost: the first letter of every row label set
 * flush against a double rule ("erceived Discrimination", "ge", "ocial class" in eu-024). A cell
 * here also holds a glyph whose centre it holds and that sticks out of it by no more than
 * {@link #EDGE} (rounding, a glyph's box drawn on the rule). Text running on over the next
 * cell (a long name clipped by its column, a figure that a chart's grid line cuts) sticks out
 * further and stays where tabula puts it.
 */
final class CellGlyphs {
    /** How far, in points, a glyph may reach over a cell's edge and still be the cell's. */
    static final double EDGE = 0.1;

    private CellGlyphs() {}

    /** The glyphs, in their order, that {@code cell} holds. */
    static <T extends Rectangle> List<T> in(List<T> glyphs, Rectangle cell) {
        return glyphs.stream().filter(glyph -> holds(cell, glyph)).toList();
    }

    static boolean holds(Rectangle cell, Rectangle glyph) {
        double x = glyph.getCenterX();
        double y = glyph.getCenterY();
        return x >= cell.getLeft() && x < cell.getRight() && y >= cell.getTop() && y < cell.getBottom()
                && glyph.getLeft() >= cell.getLeft() - EDGE && glyph.getRight() <= cell.getRight() + EDGE
                && glyph.getTop() >= cell.getTop() - EDGE && glyph.getBottom() <= cell.getBottom() + EDGE;
    }
}
