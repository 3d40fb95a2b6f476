package dev.docflow.ingest.ocr;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image files frame by frame for OCR: every page of a multi-page TIFF, the first frame of a
 * GIF (the rest of an animation repeats it), the one image of PNG, JPEG, BMP and WebP. Each frame's
 * size is read from its header before its pixels are, so a small file claiming a huge image fails as
 * {@code too_large} instead of taking the worker's memory. Frames come one at a time so that a
 * hundred-page TIFF never sits in memory whole. CMYK and YCCK JPEGs (print workflows, Adobe
 * marker, inverted samples) need nothing of ours: the JDK's reader has decoded them since
 * JDK-8274735 (17.0.15 here); {@code OcrExtractionTest} keeps that true.
 */
public final class ImageFrames {
    static {
        // ImageIO registers plugins once, from the classloader that first touches it; on a Flink
        // cluster that is not the job's, so WebP would be missing without a rescan from here
        ImageIO.scanForPlugins();
    }

    private final OcrSettings settings;

    public ImageFrames(OcrSettings settings) {
        this.settings = settings;
    }

    /**
     * Passes each frame at least {@link OcrSettings#minImageSide()} on both sides to {@code consumer};
     * stops after {@link OcrSettings#maxOcrPages()} frames passed on, or ten times as many looked at.
     *
     * @return the number of frames passed on
     * @throws DocumentFailedException {@code unsupported} (no reader for the format), {@code too_large}
     *     (a frame over {@link OcrSettings#maxImagePixels()}) or {@code corrupt}
     */
    public int forEachFrame(Path file, FrameConsumer consumer) {
        try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
            return forEachFrame(input, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** As {@link #forEachFrame(Path, FrameConsumer)}; the caller keeps and closes the stream. */
    public int forEachFrame(InputStream in, FrameConsumer consumer) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(in)) {
            return forEachFrame(input, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image stream", e);
        }
    }

    private int forEachFrame(ImageInputStream input, FrameConsumer consumer) {
        ImageReader reader = readerFor(input);
        try {
            reader.setInput(input, true, true);
            boolean onlyFirst = "gif".equals(reader.getFormatName().toLowerCase(Locale.ROOT));
            int passed = 0;
            // skipped frames count too, at a tenth of the rate: a TIFF of a million icons is hostile
            int maxExamined = Math.max(settings.maxOcrPages(), 1) * 10;
            for (int index = 0; passed < settings.maxOcrPages() && index < maxExamined && !(onlyFirst && index > 0); index++) {
                Dimension size = size(reader, index);
                if (size == null) {
                    break;
                }
                if ((long) size.width * size.height > settings.maxImagePixels()) {
                    throw failure(FailureReason.TOO_LARGE, "Image frame " + (index + 1) + " is " + size.width + "×"
                            + size.height + " pixels, over the OCR limit of " + settings.maxImagePixels(), null);
                }
                if (Math.min(size.width, size.height) >= settings.minImageSide()) {
                    consumer.accept(index + 1, read(reader, index));
                    passed++;
                }
            }
            return passed;
        } catch (IOException e) {
            throw failure(FailureReason.CORRUPT, "The image cannot be decoded: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /** The frame's size from its header, null past the last frame. */
    private static Dimension size(ImageReader reader, int index) throws IOException {
        try {
            return new Dimension(reader.getWidth(index), reader.getHeight(index));
        } catch (IndexOutOfBoundsException e) {
            return null;
        } catch (RuntimeException e) {
            throw failure(FailureReason.CORRUPT, "The image header cannot be read: " + e, e);
        }
    }

    private static BufferedImage read(ImageReader reader, int index) throws IOException {
        try {
            return reader.read(index);
        } catch (RuntimeException e) {
            // decoders signal truncated or malformed data with all kinds of runtime exceptions
            throw failure(FailureReason.CORRUPT, "Image frame " + (index + 1) + " cannot be decoded: " + e, e);
        }
    }

    private static ImageReader readerFor(ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            throw failure(FailureReason.UNSUPPORTED, "No image reader knows this format", null);
        }
        return readers.next();
    }

    private static DocumentFailedException failure(FailureReason reason, String message, Throwable cause) {
        return new DocumentFailedException(Stage.OCR, reason, message, cause);
    }
}
