package dev.docflow.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.testfiles.ScannedPages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "turned {0} quarter(s) clockwise")
    @ValueSource(ints = {1, 2, 3})
    void aPageScannedSidewaysOrUpsideDownIsTurnedUprightAndRead(int quarters) throws IOException {
        OcrText text = ocr.recognize(ScannedPages.turned(ScannedPages.page(), quarters), 300);

        assertThat(ScannedPages.wordRecall(ScannedPages.TEXT, text.text())).as(text.text()).isGreaterThan(0.9);
        assertThat(text.quartersTurned()).isEqualTo(4 - quarters);
        assertThat(text.confidence()).isGreaterThan(TesseractOcr.LOW_CONFIDENCE);
    }

    @Test
    void anUprightPageIsReadAsItLiesWithoutLookingForItsOrientation() throws IOException {
        try (TesseractOcr fresh = new TesseractOcr(OcrSettings.DEFAULTS)) {
            OcrText text = fresh.recognize(ScannedPages.page(), 300);

            assertThat(ScannedPages.wordRecall(ScannedPages.TEXT, text.text())).isGreaterThan(0.95);
            assertThat(text.quartersTurned()).isZero();
            assertThat(fresh.orientationStarted()).as("the orientation engine is started only for doubtful readings").isFalse();
        }
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
