package dev.docflow.ingest.ocr;

import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.connectors.contract.Stage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFramesTest {
    private final ImageFrames frames = new ImageFrames(OcrSettings.DEFAULTS);

    @TempDir
    Path dir;

    @Test
    void everyPageOfAMultipageTiffIsReadInOrder() throws IOException {
        Path tiff = copyFixture("testTIFF_multipage.tif");
        List<Integer> numbers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (TesseractOcr ocr = new TesseractOcr(OcrSettings.DEFAULTS)) {
            int passed = frames.forEachFrame(tiff, (number, image) -> {
                numbers.add(number);
                texts.add(ocr.recognize(image).text());
            });

            assertThat(passed).isEqualTo(numbers.size()).isGreaterThanOrEqualTo(2);
        }
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
            assertThat(texts.get(i)).contains("Multipage").contains("Page " + (i + 1));
        }
    }

    @Test
    void framesPastThePageLimitAreNotDecoded() throws IOException {
        OcrSettings d = OcrSettings.DEFAULTS;
        OcrSettings onePage = new OcrSettings(d.enabled(), d.languages(), d.tessdataPath(), d.dpi(),
                d.minTextCharsPerPage(), d.embeddedImages(), d.maxImagePixels(), d.minImageSide(), 1);
        List<Integer> numbers = new ArrayList<>();

        int passed = new ImageFrames(onePage).forEachFrame(copyFixture("testTIFF_multipage.tif"),
                (number, image) -> numbers.add(number));

        assertThat(passed).isEqualTo(1);
        assertThat(numbers).containsExactly(1);
    }

    @Test
    void aPngFromAStreamIsOneFrame() throws IOException {
        List<BufferedImage> seen = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/ocr/testOCR.png")) {
            assertThat(frames.forEachFrame(in, (number, image) -> seen.add(image))).isEqualTo(1);
        }
        assertThat(seen.get(0).getWidth()).isEqualTo(982);
    }

    @Test
    void iconsSmallerThanTheMinimumSideAreSkipped() throws IOException {
        byte[] icon = png(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY));

        int passed = frames.forEachFrame(new ByteArrayInputStream(icon), (number, image) -> {
            throw new AssertionError("an icon reached OCR");
        });

        assertThat(passed).isZero();
    }

    @Test
    void aHugeImageFailsAsTooLargeFromItsHeaderAlone() throws IOException {
        byte[] claimsHuge = withPngSize(png(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY)), 20_000, 20_000);
        long heapBefore = usedHeap();

        assertThatThrownBy(() -> frames.forEachFrame(new ByteArrayInputStream(claimsHuge), (number, image) -> {}))
                .isInstanceOfSatisfying(DocumentFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
                    assertThat(e.stage()).isEqualTo(Stage.OCR);
                })
                .hasMessageContaining("20000×20000");
        assertThat(usedHeap() - heapBefore).isLessThan(64L << 20);
    }

    @Test
    void aFileNoReaderKnowsIsUnsupported() {
        byte[] text = "not an image at all".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> frames.forEachFrame(new ByteArrayInputStream(text), (number, image) -> {}))
                .isInstanceOfSatisfying(DocumentFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.UNSUPPORTED));
    }

    @Test
    void aTruncatedImageIsCorrupt() throws IOException {
        byte[] whole;
        try (InputStream in = getClass().getResourceAsStream("/ocr/testOCR.png")) {
            whole = in.readAllBytes();
        }
        byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

        assertThatThrownBy(() -> frames.forEachFrame(new ByteArrayInputStream(truncated), (number, image) -> {}))
                .isInstanceOfSatisfying(DocumentFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.CORRUPT));
    }

    @Test
    void webpIsReadable() {
        assertThat(ImageFrames.class).isNotNull(); // loads the class, and with it the plugins
        assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isTrue();
    }

    private Path copyFixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ocr/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Rewrites the width and height in a PNG's IHDR chunk (right after the signature) and its CRC. */
    static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 4 + 13); // chunk type and the 13 bytes of IHDR data
        buffer.putInt(29, (int) crc.getValue());
        return patched;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
