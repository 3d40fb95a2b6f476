package dev.docflow.ingest.testfiles;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Scans made in the test, in the shapes that real scanners and print workflows produce: a page of
 * print rendered at 300 dpi, then turned a quarter or half, painted inline in a PDF's content stream,
 * or saved as a CMYK JPEG. The print is Helvetica drawn by PDFBox (its bundled Liberation Sans), so no
 * system font is needed.
 */
public final class ScannedPages {
    /** Ordinary prose, enough lines for Tesseract's orientation detection to have something to go on. */
    public static final List<String> LINES = List.of(
            "Quarterly maintenance of the cooling towers begins on the first",
            "Monday of March. Every technician checks the pumps, the valves",
            "and the filters of each tower, writes the readings into the log",
            "book and reports any leaking seal to the shift supervisor before",
            "noon. Spare parts are kept in the north warehouse; the keys are",
            "held by the night porter. Towers that fail the pressure test are",
            "drained, cleaned and tested again within two working days.");

    public static final String TEXT = String.join("\n", LINES);

    private static final int DPI = 300;

    private ScannedPages() {}

    /** {@link #LINES} on a 6 × 4 inch page, rendered at 300 dpi in gray, as a flatbed scanner sees it. */
    public static BufferedImage page() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(6 * 72, 4 * 72));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.setLeading(16);
                content.newLineAtOffset(36, 4 * 72 - 54);
                for (String line : LINES) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            return new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.GRAY);
        }
    }

    /** {@code image} turned {@code quarters} quarter turns clockwise, as a page fed into a scanner sideways. */
    public static BufferedImage turned(BufferedImage image, int quarters) {
        boolean sideways = quarters % 2 != 0;
        int width = sideways ? image.getHeight() : image.getWidth();
        int height = sideways ? image.getWidth() : image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        AffineTransform turn = new AffineTransform();
        turn.translate(width / 2.0, height / 2.0);
        turn.quadrantRotate(quarters);
        turn.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A one-page PDF whose page is {@code scan} as an image XObject, the way most scanners write it. */
    public static Path pdfOfImage(Path file, BufferedImage scan) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = pageFor(document, scan);
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * A one-page PDF whose page is {@code scan} painted inline in the content stream
     * ({@code BI … ID … EI}), one bit a pixel and deflated, as fax-to-PDF tools and some scanners do.
     */
    public static Path pdfOfInlineImage(Path file, BufferedImage scan) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = pageFor(document, scan);
            COSDictionary parameters = new COSDictionary();
            parameters.setInt(COSName.W, scan.getWidth());
            parameters.setInt(COSName.H, scan.getHeight());
            parameters.setInt(COSName.BPC, 1);
            parameters.setItem(COSName.CS, COSName.G);
            parameters.setItem(COSName.F, COSName.getPDFName("Fl"));
            PDInlineImage inline = new PDInlineImage(parameters, deflate(bits(scan)), page.getResources());
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(inline, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * {@code gray} as a CMYK JPEG the way print workflows write one: four components, an Adobe APP14
     * marker (transform 0: CMYK stored as is) and the samples inverted, 255 for no ink, as Photoshop
     * and libjpeg-based tools store them. The JDK's writer takes a four-band raster but writes no
     * marker, so the marker is put in after the start-of-image.
     */
    public static byte[] cmykJpeg(BufferedImage gray) throws IOException {
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, gray.getWidth(), gray.getHeight(), 4, null);
        int[] pixel = new int[4];
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) {
                int light = gray.getRaster().getSample(x, y, 0);
                // gray print is mostly black ink with a little of each colour, as a print driver mixes it
                pixel[0] = pixel[1] = pixel[2] = 255 - (255 - light) / 4;
                pixel[3] = light;
                cmyk.setPixel(x, y, pixel);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] plain = jpeg.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] marked = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, marked, 0, 2);
        System.arraycopy(adobe, 0, marked, 2, adobe.length);
        System.arraycopy(plain, 2, marked, 2 + adobe.length, plain.length - 2);
        return marked;
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }

    /**
     * Share of {@code reference}'s words that {@code read} has, each counted as often as it occurs
     * (case and punctuation ignored): 1 for a perfect reading, near 0 for the noise of a page read
     * sideways.
     */
    public static double wordRecall(String reference, String read) {
        Map<String, Integer> found = new HashMap<>();
        for (String word : words(read)) {
            found.merge(word, 1, Integer::sum);
        }
        List<String> expected = words(reference);
        int hits = 0;
        for (String word : expected) {
            if (found.getOrDefault(word, 0) > 0) {
                found.merge(word, -1, Integer::sum);
                hits++;
            }
        }
        return expected.isEmpty() ? 1 : (double) hits / expected.size();
    }

    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    private static PDPage pageFor(PDDocument document, BufferedImage scan) {
        PDPage page = new PDPage(new PDRectangle(scan.getWidth() * 72f / DPI, scan.getHeight() * 72f / DPI));
        document.addPage(page);
        return page;
    }

    /** Rows of one bit a pixel, each padded to a whole byte; a set bit is white (DeviceGray 1). */
    private static byte[] bits(BufferedImage gray) {
        int rowBytes = (gray.getWidth() + 7) / 8;
        byte[] bits = new byte[rowBytes * gray.getHeight()];
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) {
                if (gray.getRaster().getSample(x, y, 0) >= 128) {
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return bits;
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(data);
        }
        return out.toByteArray();
    }
}
