package dev.docflow.ingest.parse;

import dev.docflow.connectors.contract.FailureReason;
import static dev.docflow.connectors.contract.FailureReason.TOO_LARGE;

import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.ocr.OcrSettings;
import dev.docflow.ingest.ocr.OcrText;
import dev.docflow.ingest.ocr.PdfPageRenderer;
import dev.docflow.ingest.ocr.RenderedPage;
import dev.docflow.ingest.ocr.TesseractOcr;
import dev.docflow.ingest.ocr.ThinTextLayerRule;
import dev.docflow.ingest.tables.TableOverlap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A second look at a PDF, page by page, once Tika has read its text layer. A page whose layer is
 * missing or too thin and that paints an image (a scan, or a scan with a few stamped words) is
 * rendered and OCR'd, and its
 * OCR text takes the layer's place; pages with a good layer are left alone, so a mixed PDF gets
 * both. Tables are looked for on every page, and the layer's lines that are only a table's cells
 * read in a row leave the prose. One PDFBox load serves both.
 */
final class PdfPagePass {
    /** Finds the tables on one page, each as rows of cells, the header first. */
    @FunctionalInterface
    interface PageTables {
        List<List<List<String>>> find(PDDocument pdf, int page);
    }

    private static final int MAX_FORM_DEPTH = 5;

    private final OcrSettings ocr;
    private final ThinTextLayerRule thin;
    private final PdfPageRenderer renderer;
    private final PageTables tables;

    /** @param tables {@code null} when tables are not wanted */
    PdfPagePass(OcrSettings ocr, PageTables tables) {
        this.ocr = ocr;
        this.thin = new ThinTextLayerRule(ocr);
        this.renderer = new PdfPageRenderer(ocr);
        this.tables = tables;
    }

    boolean isNeeded() {
        return ocr.enabled() || tables != null;
    }

    /** Rewrites {@code content}'s drafts page by page; returns what OCR read of each OCR'd page. */
    Map<Integer, OcrText> apply(Path file, PartContent content, ExtractionBudget budget, Supplier<TesseractOcr> tesseract)
            throws IOException {
        Map<Integer, List<PartContent.Draft>> byPage = new LinkedHashMap<>();
        for (PartContent.Draft draft : content.drafts()) {
            byPage.computeIfAbsent(draft.page(), p -> new ArrayList<>()).add(draft);
        }
        Map<Integer, OcrText> ocrRead = new LinkedHashMap<>();
        List<PartContent.Draft> out = new ArrayList<>(byPage.getOrDefault(0, List.of()));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int pages = Math.max(pdf.getNumberOfPages(), content.pageCount());
            for (int page = 1; page <= pages; page++) {
                budget.checkTime();
                List<PartContent.Draft> drafts = byPage.getOrDefault(page, List.of());
                if (page <= pdf.getNumberOfPages()) {
                    if (ocr.enabled() && thin.needsOcr(textOf(drafts)) && paintsImages(pdf.getPage(page - 1), 0)) {
                        if (ocrRead.size() >= ocr.maxOcrPages()) {
                            throw new DocumentFailedException(TOO_LARGE, "more than " + ocr.maxOcrPages()
                                    + " pages need OCR (ocr.max-pages)");
                        }
                        RenderedPage rendered = renderer.render(pdf, page);
                        OcrText text = tesseract.get().recognize(rendered.image(), rendered.dpi());
                        ocrRead.put(page, text);
                        drafts = paragraphs(text.text(), page, budget);
                    }
                    if (tables != null) {
                        drafts = withTables(drafts, tables.find(pdf, page), page, budget);
                    }
                }
                out.addAll(drafts);
            }
        }
        content.replaceDrafts(out);
        return ocrRead;
    }

    /**
     * Whether a page paints an image, directly or inside a form: a thin page without one is a
     * short page (a title, a chapter break), not a scan, and OCR would only read it again. Images
     * count both as XObjects and inline in the content stream ({@code BI … ID … EI}), as some
     * scanners and fax-to-PDF tools write them.
     */
    private static boolean paintsImages(PDContentStream content, int depth) throws IOException {
        if (depth > MAX_FORM_DEPTH) {
            return false;
        }
        PDResources resources = content.getResources();
        if (resources != null) {
            for (COSName name : resources.getXObjectNames()) {
                PDXObject object = resources.getXObject(name);
                if (object instanceof PDImageXObject || object instanceof PDFormXObject form && paintsImages(form, depth + 1)) {
                    return true;
                }
            }
        }
        return hasInlineImage(content);
    }

    /** Reads the content stream's tokens up to its first inline image, if any; thin pages have short streams. */
    private static boolean hasInlineImage(PDContentStream content) throws IOException {
        PDFStreamParser parser = new PDFStreamParser(content);
        try {
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator operator && OperatorName.BEGIN_INLINE_IMAGE.equals(operator.getName())) {
                    return true;
                }
            }
            return false;
        } finally {
            parser.close();
        }
    }

    private static List<PartContent.Draft> withTables(List<PartContent.Draft> drafts, List<List<List<String>>> found,
            int page, ExtractionBudget budget) {
        if (found.isEmpty()) {
            return drafts;
        }
        TableOverlap overlap = new TableOverlap(found);
        List<PartContent.Draft> kept = new ArrayList<>();
        for (PartContent.Draft draft : drafts) {
            if (!(draft.kind().isProse() && overlap.isTableText(draft.text()))) {
                kept.add(draft);
            }
        }
        for (List<List<String>> rows : found) {
            kept.addAll(PartContent.tableDrafts(rows, page, budget));
        }
        return kept;
    }

    /** OCR text as paragraphs: Tesseract separates its blocks by blank lines. */
    static List<PartContent.Draft> paragraphs(String text, int page, ExtractionBudget budget) {
        List<PartContent.Draft> drafts = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String folded = PartContent.foldWhitespace(block);
            if (!folded.isEmpty()) {
                budget.addChars(folded.length());
                drafts.add(new PartContent.Draft(page, BlockKind.PARAGRAPH, 0, folded, null));
            }
        }
        return drafts;
    }

    private static String textOf(List<PartContent.Draft> drafts) {
        StringBuilder text = new StringBuilder();
        for (PartContent.Draft draft : drafts) {
            if (draft.text() != null) {
                text.append(draft.text()).append('\n');
            }
        }
        return text.toString();
    }
}
