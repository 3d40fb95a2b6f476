package dev.docflow.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfPageRendererTest {
    private static final List<String> LINES = List.of(
            "Quarterly maintenance report for pump station seven.",
            "The bearing temperature stayed below sixty degrees.",
            "Replace the intake filter before the winter season.");

    @Test
    void aRenderedPageReadsBackItsWords() throws IOException {
        try (PDDocument doc = documentWith(PDRectangle.A4, LINES);
                TesseractOcr ocr = new TesseractOcr(OcrSettings.DEFAULTS)) {
            RenderedPage page = new PdfPageRenderer(OcrSettings.DEFAULTS).render(doc, 1);

            assertThat(page.dpi()).isEqualTo(300);
            assertThat(page.image().getWidth()).isEqualTo(Math.round(PDRectangle.A4.getWidth() / 72 * 300));
            OcrText text = ocr.recognize(page.image(), page.dpi());
            assertThat(text.text()).contains(LINES);
            assertThat(text.confidence()).isGreaterThan(85f);
        }
    }

    @Test
    void aPageTooLargeForThePixelBudgetIsRenderedAtALowerResolution() throws IOException {
        OcrSettings settings = OcrSettings.DEFAULTS.withMaxImagePixels(1_000_000);
        try (PDDocument doc = documentWith(PDRectangle.LETTER, LINES)) {
            RenderedPage page = new PdfPageRenderer(settings).render(doc, 1);

            assertThat(page.dpi()).isLessThan(300).isGreaterThan(90);
            assertThat((long) page.image().getWidth() * page.image().getHeight()).isLessThanOrEqualTo(1_000_000);
        }
    }

    @Test
    void aPosterSizedPageStaysWithinTheDefaultBudget() {
        PDRectangle poster = new PDRectangle(14_400, 14_400); // 200 × 200 inches, PDF's largest page

        int dpi = new PdfPageRenderer(OcrSettings.DEFAULTS).dpiFor(poster);

        assertThat((long) dpi * 200 * dpi * 200).isLessThanOrEqualTo(OcrSettings.DEFAULTS.maxImagePixels());
    }

    static PDDocument documentWith(PDRectangle size, List<String> lines) throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage(size);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.setLeading(18);
            content.newLineAtOffset(72, size.getHeight() - 96);
            for (String line : lines) {
                content.showText(line);
                content.newLine();
            }
            content.endText();
        }
        return doc;
    }
}
