package dev.docflow.ingest.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import net.sourceforge.lept4j.Leptonica;
import net.sourceforge.lept4j.Pix;

/**
 * Images as 8-bit gray, the form Tesseract and Leptonica's deskew work on. Converting in Java, with
 * transparency flattened onto white, keeps a transparent PNG (black text on nothing) from turning into
 * black on black; copying pixels straight into a Leptonica image avoids encoding each page to a file
 * format and back.
 */
final class GrayImages {
    private GrayImages() {}

    static BufferedImage toGray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return gray;
    }

    /**
     * A new 8-bit Leptonica image of {@code gray}; the caller destroys it. Leptonica packs four pixels
     * in each native-order 32-bit word, the leftmost in the most significant byte.
     */
    static Pix toPix(BufferedImage gray, int dpi) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        Leptonica lept = Leptonica.INSTANCE;
        Pix pix = lept.pixCreate(width, height, 8);
        if (pix == null) {
            throw new IllegalStateException("Leptonica could not allocate a " + width + "×" + height + " image");
        }
        if (dpi > 0) {
            lept.pixSetResolution(pix, dpi, dpi);
        }
        int wordsPerLine = lept.pixGetWpl(pix);
        Pointer data = lept.pixGetData(pix).getPointer();
        WritableRaster raster = gray.getRaster();
        int[] row = new int[width];
        int[] words = new int[wordsPerLine];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            Arrays.fill(words, 0);
            for (int x = 0; x < width; x++) {
                words[x >> 2] |= (row[x] & 0xFF) << (24 - ((x & 3) << 3));
            }
            data.write((long) y * wordsPerLine * 4, words, 0, wordsPerLine);
        }
        return pix;
    }

    /**
     * Frees a Leptonica image (or drops one reference to it). Not {@code LeptUtils.disposePix}: that
     * goes through lept4j's direct mapping, which fails to load on Leptonica 1.82 (Debian 12) for want
     * of functions added later; the interface mapping used here resolves each function on first call.
     */
    static void release(Pix pix) {
        if (pix != null) {
            Leptonica.INSTANCE.pixDestroy(new PointerByReference(pix.getPointer()));
        }
    }
}
