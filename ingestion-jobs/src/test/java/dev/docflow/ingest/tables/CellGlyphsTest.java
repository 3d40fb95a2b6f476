package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import technology.tabula.Rectangle;
import org.junit.jupiter.api.Test;

class CellGlyphsTest {
    /** A cell from x 59.04 to 164.75, y 138.96 to 152.0 (eu-024's row labels, behind a double rule at 57.77 / 59.04). */
    private static final Rectangle CELL = new Rectangle(138.96f, 59.04f, 105.71f, 13.04f);

    private static Rectangle glyph(float left, float width) {
        return new Rectangle(143.2f, left, width, 4.16f);
    }

    @Test
    void aGlyphFlushAgainstTheRuleIsTheCells() {
        // "A" of "Age", its box starting on the rule a rounding error left of the cell
        assertThat(CellGlyphs.holds(CELL, glyph(59.0399f, 6.01f))).isTrue();
        assertThat(CellGlyphs.holds(CELL, glyph(65.05f, 4.0f))).isTrue();
    }

    @Test
    void textRunningOverFromTheNextCellStaysOut() {
        // the last letter of a clipped name in the cell to the left, its centre just inside this one
        assertThat(CellGlyphs.holds(CELL, glyph(58.4f, 2.0f))).isFalse();
        // and a glyph of this cell's text running on into the next column
        assertThat(CellGlyphs.holds(CELL, glyph(162.0f, 5.0f))).isFalse();
    }

    @Test
    void aGlyphWhoseCentreIsElsewhereIsNotTheCells() {
        assertThat(CellGlyphs.holds(CELL, glyph(50.0f, 6.0f))).isFalse();
        assertThat(CellGlyphs.holds(CELL, new Rectangle(153.0f, 70.0f, 5.0f, 4.0f))).isFalse();
    }

    @Test
    void theGlyphsOfACellKeepTheirOrder() {
        Rectangle a = glyph(59.04f, 6.01f);
        Rectangle outside = glyph(20.0f, 6.0f);
        Rectangle g = glyph(65.05f, 6.01f);
        assertThat(CellGlyphs.in(List.of(a, outside, g), CELL)).containsExactly(a, g);
    }
}
