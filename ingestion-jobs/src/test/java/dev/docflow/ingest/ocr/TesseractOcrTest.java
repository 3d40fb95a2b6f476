package dev.docflow.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real Tesseract: it is the unit under test. */
class TesseractOcrTest {
    private static TesseractOcr ocr;

    @BeforeAll
    static void startTesseract() {
        ocr = new TesseractOcr(OcrSettings.DEFAULTS);
    }

    @AfterAll
    static void stopTesseract() {
        ocr.close();
    }

    static BufferedImage fixture(String name) throws IOException {
        try (InputStream in = TesseractOcrTest.class.getResourceAsStream("/ocr/" + name)) {
            return ImageIO.read(in);
        }
    }

    @Test
    void readsTheWordsOfATransparentPng() throws IOException {
        OcrText text = ocr.recognize(fixture("testOCR.png"));

        assertThat(text.text()).contains("This file contains some words.");
        assertThat(text.confidence()).isGreaterThan(80f);
    }

    @Test
    void readsASmallJpeg() throws IOException {
        OcrText text = ocr.recognize(fixture("testOCR.jpg"));

        assertThat(text.text()).contains("Apache Tika").contains("OCR Testing");
    }

    @Test
    void readsAPageTiltedTenDegreesClockwise() throws IOException {
        OcrText text = ocr.recognize(fixture("testRotated+10.png"));

        assertThat(text.text()).contains("Effect if in up no depend seemed.")
                .contains("Ecstatic elegance gay but disposed.");
        assertThat(text.confidence()).isGreaterThan(80f);
    }

    @Test
    void readsAPageTiltedTenDegreesAnticlockwise() throws IOException {
        OcrText text = ocr.recognize(fixture("testRotated-10.png"));

        assertThat(text.text()).contains("Its had resolving otherwise she contented therefore.")
                .contains("Dissimilar comparison no terminated devonshire no literature on.");
        assertThat(text.confidence()).isGreaterThan(80f);
    }

    @Test
    void aBlankImageGivesEmptyText() {
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        blank.getGraphics().fillRect(0, 0, 400, 300);

        assertThat(ocr.recognize(blank, 300).isEmpty()).isTrue();
    }

    @Test
    void aLanguageThatIsNotInstalledIsNamedWithWhatToDo() {
        OcrSettings settings = OcrSettings.DEFAULTS.withLanguages("eng+xyz");

        assertThatThrownBy(() -> new TesseractOcr(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'xyz' is not installed")
                .hasMessageContaining("xyz.traineddata")
                .hasMessageContaining("tesseract-ocr-xyz");
    }

    @Test
    void aClosedEngineRefusesWork() {
        TesseractOcr closed = new TesseractOcr(OcrSettings.DEFAULTS);
        closed.close();
        closed.close();

        assertThatThrownBy(() -> closed.recognize(new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY)))
                .isInstanceOf(IllegalStateException.class);
    }
}
