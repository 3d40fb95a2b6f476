package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import technology.tabula.TextElement;

class UprightPageTest {
    @Test
    void thePagesDirectionIsTheOneMostGlyphsRunIn() {
        assertThat(UprightPage.textDirection(glyphs(0, 90, 90, 90))).isEqualTo(90);
        assertThat(UprightPage.textDirection(glyphs(270, 270, 0))).isEqualTo(270);
        assertThat(UprightPage.textDirection(glyphs(180, 180, 180, -90))).isEqualTo(180);
        // a caption set sideways beside an upright table does not turn the page
        assertThat(UprightPage.textDirection(glyphs(0, 0, 0, 90))).isZero();
        // no majority, or no text: left as it is
        assertThat(UprightPage.textDirection(glyphs(0, 0, 90, 90))).isZero();
        assertThat(UprightPage.textDirection(List.of())).isZero();
    }

    @Test
    void onlyRotatedPagesOrTurnedTextNeedACopy() {
        assertThat(UprightPage.needsTurning(0, 0)).isFalse();
        assertThat(UprightPage.needsTurning(360, 0)).isFalse();
        assertThat(UprightPage.needsTurning(90, 0)).isTrue();
        assertThat(UprightPage.needsTurning(0, 180)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void theTurningMakesTheTextRunLeftToRightInsideTheTurnedBox(int direction) {
        float width = 612;
        float height = 792;
        Matrix turning = UprightPage.turning(direction, width, height);

        double radians = Math.toRadians(direction);
        Point2D.Float origin = turning.transformPoint(0, 0);
        Point2D.Float along = turning.transformPoint((float) Math.cos(radians), (float) Math.sin(radians));
        assertThat(along.x - origin.x).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(along.y - origin.y).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-4f));

        boolean sideways = direction % 180 != 0;
        float turnedWidth = sideways ? height : width;
        float turnedHeight = sideways ? width : height;
        for (float[] corner : new float[][] {{0, 0}, {width, 0}, {0, height}, {width, height}}) {
            Point2D.Float moved = turning.transformPoint(corner[0], corner[1]);
            assertThat(moved.x).isBetween(-1e-3f, turnedWidth + 1e-3f);
            assertThat(moved.y).isBetween(-1e-3f, turnedHeight + 1e-3f);
        }
    }

    private static List<TextElement> glyphs(int... directions) {
        List<TextElement> glyphs = new ArrayList<>();
        for (int direction : directions) {
            glyphs.add(new TextElement(0, 0, 5, 10, null, 10, "x", 3, direction));
        }
        return glyphs;
    }
}
