package dev.docflow.ingest.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.util.Matrix;
import technology.tabula.TextElement;

/**
 * A page whose text runs sideways or upside down (a landscape table on a portrait page, a page
 * marked {@code /Rotate}), copied so that its text reads left to right on an unrotated page.
 *
 * <p>tabula reads glyphs and ruling lines in different coordinates once a page is rotated or its
 * text is turned, and its cells then come out split or empty; on an upright copy both agree. The
 * copy draws the page's own content streams under one turning matrix and shares its resources, so
 * it costs no re-encoding, and it is made only for pages that need it.
 */
final class UprightPage {
    /** Share of a page's glyphs that must run one way for that to be the page's direction. */
    private static final double DOMINANT_SHARE = 0.5;

    private UprightPage() {
    }

    /**
     * The direction most of the page's glyphs run in, in degrees counter-clockwise from left to
     * right in the page's own (unrotated) space, rounded to a quarter turn; 0 when none holds a
     * majority or there is no text.
     */
    static int textDirection(List<TextElement> glyphs) {
        int[] counts = new int[4];
        for (TextElement glyph : glyphs) {
            counts[quarter(glyph.getDirection())]++;
        }
        for (int q = 0; q < counts.length; q++) {
            if (counts[q] > DOMINANT_SHARE * glyphs.size()) {
                return q * 90;
            }
        }
        return 0;
    }

    /** Whether a page with this rotation and text direction reads wrongly to tabula as it is. */
    static boolean needsTurning(int pageRotation, int textDirection) {
        return normalised(pageRotation) != 0 || textDirection != 0;
    }

    /**
     * A one-page document holding the page turned by {@code -textDirection}, with no
     * {@code /Rotate}. It borrows the page's content streams and resources: the caller keeps the
     * source document open while reading the copy, and closes the copy.
     */
    static PDDocument copyOf(PDPage page, int textDirection) throws IOException {
        PDRectangle box = page.getCropBox();
        float width = box.getWidth();
        float height = box.getHeight();
        boolean sideways = textDirection == 90 || textDirection == 270;
        PDDocument copy = new PDDocument();
        PDPage upright = new PDPage(sideways ? new PDRectangle(height, width) : new PDRectangle(width, height));
        upright.setResources(page.getResources());
        List<PDStream> contents = new ArrayList<>();
        contents.add(stream(copy, "q " + operands(turning(textDirection, width, height)) + " cm "
                + "1 0 0 1 " + (-box.getLowerLeftX()) + " " + (-box.getLowerLeftY()) + " cm\n"));
        page.getContentStreams().forEachRemaining(contents::add);
        contents.add(stream(copy, "\nQ\n"));
        upright.setContents(contents);
        copy.addPage(upright);
        return copy;
    }

    /**
     * The matrix that turns a {@code width} × {@code height} box, its lower left corner at the
     * origin, by {@code -direction} and moves it back to the origin: text running at
     * {@code direction} then runs left to right.
     */
    static Matrix turning(int direction, float width, float height) {
        return switch (direction) {
            case 0 -> new Matrix();
            // (x, y) -> (y, width - x)
            case 90 -> new Matrix(0, -1, 1, 0, 0, width);
            // (x, y) -> (width - x, height - y)
            case 180 -> new Matrix(-1, 0, 0, -1, width, height);
            // (x, y) -> (height - y, x)
            case 270 -> new Matrix(0, 1, -1, 0, height, 0);
            default -> throw new IllegalArgumentException("not a quarter turn: " + direction);
        };
    }

    private static String operands(Matrix m) {
        return m.getValue(0, 0) + " " + m.getValue(0, 1) + " " + m.getValue(1, 0) + " " + m.getValue(1, 1) + " "
                + m.getValue(2, 0) + " " + m.getValue(2, 1);
    }

    private static PDStream stream(PDDocument document, String operators) throws IOException {
        PDStream stream = new PDStream(document);
        try (var out = stream.createOutputStream()) {
            out.write(operators.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return stream;
    }

    private static int quarter(float degrees) {
        return Math.floorMod(Math.round(degrees / 90f), 4);
    }

    private static int normalised(int rotation) {
        return Math.floorMod(rotation, 360);
    }
}
