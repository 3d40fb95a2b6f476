package dev.docflow.ingest.ocr;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders PDF pages for OCR. Gray is all Tesseract uses and a third of the memory of RGB; the
 * resolution drops for oversized pages (posters, engineering drawings) so that no page can take more
 * than {@link OcrSettings#maxImagePixels()} pixels, whatever its size claims.
 */
public final class PdfPageRenderer {
    private static final float POINTS_PER_INCH = 72f;

    private final OcrSettings settings;

    public PdfPageRenderer(OcrSettings settings) {
        this.settings = settings;
    }

    /**
     * @param doc an open document; the caller keeps and closes it
     * @param page1Based the page, 1 to {@code doc.getNumberOfPages()}
     * @throws DocumentFailedException {@code corrupt} when the page cannot be drawn
     */
    public RenderedPage render(PDDocument doc, int page1Based) {
        if (page1Based < 1 || page1Based > doc.getNumberOfPages()) {
            throw new IllegalArgumentException("Page " + page1Based + " is not in a document of "
                    + doc.getNumberOfPages() + " pages");
        }
        int dpi = dpiFor(doc.getPage(page1Based - 1).getCropBox());
        try {
            return new RenderedPage(new PDFRenderer(doc).renderImageWithDPI(page1Based - 1, dpi, ImageType.GRAY), dpi);
        } catch (IOException | RuntimeException e) {
            throw new DocumentFailedException(Stage.OCR, FailureReason.CORRUPT,
                    "Page " + page1Based + " cannot be rendered for OCR: " + e.getMessage(), e);
        }
    }

    /** The settings' dpi, or the highest below it at which the page fits within the pixel budget. */
    int dpiFor(PDRectangle box) {
        double widthInches = Math.max(box.getWidth(), 1f) / POINTS_PER_INCH;
        double heightInches = Math.max(box.getHeight(), 1f) / POINTS_PER_INCH;
        double fitting = Math.sqrt(settings.maxImagePixels() / (widthInches * heightInches));
        // rendering rounds each side up, so one dpi of headroom keeps the product under the budget
        return (int) Math.max(1, Math.min(settings.dpi(), Math.floor(fitting) - 1));
    }
}
