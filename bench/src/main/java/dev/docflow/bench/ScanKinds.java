package dev.docflow.bench;

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
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;

/**
 * A rendered page remade as the scans OCR must also read: turned a quarter (fed sideways) or a
 * half (upside down), painted inline in a PDF's content stream at one bit a pixel (fax-to-PDF
 * tools), or saved as a CMYK JPEG with an Adobe marker and inverted samples (print workflows).
 */
public final class ScanKinds {
    private ScanKinds() {}

    /** {@code gray} turned {@code quarters} quarter turns clockwise. */
    public static BufferedImage turned(BufferedImage gray, int quarters) {
        boolean sideways = quarters % 2 != 0;
        BufferedImage out = new BufferedImage(sideways ? gray.getHeight() : gray.getWidth(),
                sideways ? gray.getWidth() : gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        AffineTransform turn = AffineTransform.getTranslateInstance(out.getWidth() / 2.0, out.getHeight() / 2.0);
        turn.quadrantRotate(quarters);
        turn.translate(-gray.getWidth() / 2.0, -gray.getHeight() / 2.0);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(gray, turn, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A one-page PDF of {@code gray} (rendered at {@code dpi}) painted inline: {@code BI … ID … EI}, deflated bits. */
    public static Path inlineImagePdf(Path file, BufferedImage gray, int dpi) throws IOException {
        int rowBytes = (gray.getWidth() + 7) / 8;
        byte[] bits = new byte[rowBytes * gray.getHeight()];
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) {
                if (gray.getRaster().getSample(x, y, 0) >= 128) { // a set bit is white in DeviceGray
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(bits);
        }
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(gray.getWidth() * 72f / dpi, gray.getHeight() * 72f / dpi));
            document.addPage(page);
            COSDictionary parameters = new COSDictionary();
            parameters.setInt(COSName.W, gray.getWidth());
            parameters.setInt(COSName.H, gray.getHeight());
            parameters.setInt(COSName.BPC, 1);
            parameters.setItem(COSName.CS, COSName.G);
            parameters.setItem(COSName.F, COSName.getPDFName("Fl"));
            PDInlineImage inline = new PDInlineImage(parameters, deflated.toByteArray(), page.getResources());
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(inline, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * {@code gray} as a CMYK JPEG: mostly black ink, samples inverted (255 = no ink) as Photoshop and
     * libjpeg tools store them, and an Adobe APP14 marker (transform 0), which the JDK's writer leaves
     * out of a four-band raster and is put in after the start-of-image here.
     */
    public static Path cmykJpeg(Path file, BufferedImage gray) throws IOException {
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, gray.getWidth(), gray.getHeight(), 4, null);
        int[] pixel = new int[4];
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) {
                int light = gray.getRaster().getSample(x, y, 0);
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
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(plain, 0, 2);
            out.write(adobe);
            out.write(plain, 2, plain.length - 2);
        }
        return file;
    }
}
