package dev.docflow.ingest.tables;

import dev.docflow.ingest.tables.PageTable.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.Rectangle;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.extractors.BasicExtractionAlgorithm;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

/**
 * Finds the tables of a PDF with tabula, on the PDFBox 3 that Tika uses: the caller loads the
 * document with {@code Loader.loadPDF} (once, for Tika's text and for the tables alike) and keeps
 * owning it; nothing here closes it.
 *
 * <p>Ruled tables are read from their lines first (tabula's lattice mode), because cell borders
 * say exactly where cells are; the rest of the page is searched for tables made by alignment
 * alone ({@link AlignedTextAreas}, then tabula's stream extraction). Both modes also see tables
 * in ordinary text, so every candidate goes through {@link TableFilter}.
 *
 * <p>Holds no state: one instance may serve several threads, each with its own document (a
 * {@code PDDocument} is not thread-safe).
 */
public final class PdfTableExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(PdfTableExtractor.class);

    /**
     * The tables of one page.
     *
     * @param page 1-based page number
     * @throws TableExtractionException when tabula fails on the page
     * @throws IndexOutOfBoundsException when the document has no such page
     */
    public List<PageTable> extractPage(PDDocument document, int page) {
        if (page < 1 || page > document.getNumberOfPages()) {
            throw new IndexOutOfBoundsException("page " + page + " of " + document.getNumberOfPages());
        }
        try {
            return tablesOf(new ObjectExtractor(document).extract(page));
        } catch (RuntimeException | NoSuchMethodError e) {
            // NoSuchMethodError: a tabula path that still calls a PDFBox 2-only method; only that
            // page is lost. A missing class (NoClassDefFoundError) is a broken build and goes up.
            throw new TableExtractionException(page, e);
        }
    }

    /**
     * The tables of every page, in page order. Pages tabula fails on are skipped (logged at debug).
     * {@code timeLeft} is asked before each page (the parse stage's budget, which also answers no
     * once the thread is interrupted); once it says no, the tables found so far are returned, and
     * the caller knows from its budget that the list may be short.
     */
    public List<PageTable> extract(PDDocument document, BooleanSupplier timeLeft) {
        List<PageTable> tables = new ArrayList<>();
        for (int page = 1; page <= document.getNumberOfPages() && timeLeft.getAsBoolean(); page++) {
            tables.addAll(extractPageOrNone(document, page));
        }
        return tables;
    }

    /** The tables of one page, none when tabula fails on it (logged at debug): the rest is still worth reading. */
    public List<PageTable> extractPageOrNone(PDDocument document, int page) {
        try {
            return extractPage(document, page);
        } catch (TableExtractionException e) {
            LOG.debug("No tables from page {}: {}", page, e.getCause().toString());
            return List.of();
        }
    }

    private static List<PageTable> tablesOf(Page page) {
        List<Found> found = new ArrayList<>();
        if (!page.getHorizontalRulings().isEmpty() && !page.getVerticalRulings().isEmpty()) {
            for (Table table : new SpreadsheetExtractionAlgorithm().extract(page)) {
                TableFilter.keep(textOf(table), Method.LATTICE)
                        .ifPresent(rows -> found.add(new Found(table, rows, Method.LATTICE)));
            }
        }
        List<Found> ruled = List.copyOf(found);
        BasicExtractionAlgorithm stream = new BasicExtractionAlgorithm();
        for (Rectangle area : AlignedTextAreas.find(page)) {
            if (ruled.stream().noneMatch(lattice -> lattice.table().intersects(area))) {
                for (Table table : stream.extract(page.getArea(area))) {
                    TableFilter.keep(textOf(table), Method.STREAM)
                            .ifPresent(rows -> found.add(new Found(table, rows, Method.STREAM)));
                }
            }
        }
        found.sort(Comparator.comparingDouble((Found f) -> f.table().getTop())
                .thenComparingDouble(f -> f.table().getLeft()));
        List<PageTable> tables = new ArrayList<>();
        for (Found f : found) {
            tables.add(new PageTable(page.getPageNumber(), tables.size() + 1, f.rows(), f.method()));
        }
        return tables;
    }

    private record Found(Table table, List<List<String>> rows, Method method) {}

    @SuppressWarnings("rawtypes")
    private static List<List<String>> textOf(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (List<RectangularTextContainer> row : table.getRows()) {
            // with line returns, a cell's lines are kept apart instead of running words together
            rows.add(row.stream().map(cell -> cell.getText(true)).toList());
        }
        return rows;
    }
}
