package dev.docflow.ingest.tables;

import dev.docflow.ingest.tables.PageTable.Method;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import technology.tabula.Cell;
import technology.tabula.Line;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.Rectangle;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.TextChunk;
import technology.tabula.TextElement;
import technology.tabula.Utils;
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
     * The tables of one page. Pages marked {@code /Rotate} and pages whose text runs sideways
     * are read from an {@link UprightPage} copy.
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
            Page read = new ObjectExtractor(document).extract(page);
            PDPage source = document.getPage(page - 1);
            int direction = UprightPage.textDirection(read.getText());
            if (!UprightPage.needsTurning(source.getRotation(), direction)) {
                return tablesOf(read, page);
            }
            try (PDDocument upright = UprightPage.copyOf(source, direction)) {
                return tablesOf(new ObjectExtractor(upright).extract(1), page);
            }
        } catch (IOException | RuntimeException | NoSuchMethodError e) {
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

    private static List<PageTable> tablesOf(Page page, int number) {
        List<Found> found = new ArrayList<>();
        List<Rectangle> ruled = new ArrayList<>();
        if (!page.getHorizontalRulings().isEmpty() && !page.getVerticalRulings().isEmpty()) {
            for (Table table : new SpreadsheetExtractionAlgorithm().extract(page)) {
                if (ruled.stream().anyMatch(kept -> sameArea(kept, table))) {
                    // the same lines read again (a chart's grid comes back once per set of lines): one table there
                    continue;
                }
                regroupGlyphs(page, table);
                Optional<List<List<String>>> kept = TableFilter.keep(textOf(table), Method.LATTICE);
                if (kept.isPresent()) {
                    ruled.add(table);
                    if (UnruledBody.lacksRulings(layoutOf(table))) {
                        streamTables(page.getArea(table), found);
                    } else {
                        found.add(new Found(table, kept.get(), Method.LATTICE));
                    }
                }
            }
        }
        for (Rectangle area : AlignedTextAreas.find(page)) {
            if (ruled.stream().noneMatch(lattice -> lattice.intersects(area))) {
                streamTables(page.getArea(area), found);
            }
        }
        found.sort(Comparator.comparingDouble((Found f) -> f.table().getTop())
                .thenComparingDouble(f -> f.table().getLeft()));
        List<PageTable> tables = new ArrayList<>();
        for (Found f : found) {
            tables.add(new PageTable(number, tables.size() + 1, f.rows(), f.method()));
        }
        return tables;
    }

    /** Share of each of two areas that their overlap must cover for them to be one area. */
    private static final double SAME_AREA = 0.9;

    static boolean sameArea(java.awt.geom.Rectangle2D a, java.awt.geom.Rectangle2D b) {
        if (!a.intersects(b)) {
            return false;
        }
        java.awt.geom.Rectangle2D overlap = a.createIntersection(b);
        double shared = overlap.getWidth() * overlap.getHeight();
        return shared >= SAME_AREA * a.getWidth() * a.getHeight() && shared >= SAME_AREA * b.getWidth() * b.getHeight();
    }

    /** Margin round a ruled table within which glyphs crossing its frame are looked for, in points. */
    private static final float FRAME_MARGIN = 3f;

    /** Gives each ruled cell the glyphs whose centre it holds ({@link CellGlyphs}), not only those wholly inside it. */
    @SuppressWarnings("rawtypes")
    private static void regroupGlyphs(Page page, Table table) {
        List<TextElement> glyphs = new ArrayList<>(page.getText(new Rectangle(table.getTop() - FRAME_MARGIN,
                table.getLeft() - FRAME_MARGIN, (float) table.getWidth() + 2 * FRAME_MARGIN,
                (float) table.getHeight() + 2 * FRAME_MARGIN)));
        Utils.sort(glyphs, Rectangle.ILL_DEFINED_ORDER);
        for (List<RectangularTextContainer> row : table.getRows()) {
            for (RectangularTextContainer container : row) {
                if (container instanceof Cell cell) {
                    cell.setTextElements(TextElement.mergeWords(CellGlyphs.in(glyphs, cell)));
                }
            }
        }
    }

    /**
     * The tables tabula's stream mode reads in an area; when it reads none, the area split at the
     * {@link Gutters} channel whose two sides give the most cells (a table beside a column of prose).
     */
    private static void streamTables(Page area, List<Found> found) {
        List<Found> whole = streamTablesOf(area);
        if (whole.isEmpty()) {
            List<Gutters.Span> spans = new ArrayList<>();
            double height = 0;
            List<TextChunk> chunks = TextElement.mergeWords(area.getText());
            for (TextChunk chunk : chunks) {
                if (!chunk.isSameChar(Line.WHITE_SPACE_CHARS)) {
                    spans.add(new Gutters.Span(chunk.getLeft(), chunk.getRight()));
                    height += chunk.getHeight();
                }
            }
            double minWidth = AlignedTextAreas.MIN_COLUMN_GAP * height / Math.max(1, spans.size());
            for (double x : Gutters.find(spans, minWidth)) {
                List<Found> sides = new ArrayList<>(alignedTablesOf(area.getArea(
                        new Rectangle(area.getTop(), area.getLeft(), (float) (x - area.getLeft()), (float) area.getHeight()))));
                sides.addAll(alignedTablesOf(area.getArea(
                        new Rectangle(area.getTop(), (float) x, (float) (area.getRight() - x), (float) area.getHeight()))));
                if (cells(sides) > cells(whole)) {
                    whole = sides;
                }
            }
        }
        found.addAll(whole);
    }

    /** A side's own aligned areas, read by stream: the title lines above a table no longer reach across the page. */
    private static List<Found> alignedTablesOf(Page side) {
        List<Found> found = new ArrayList<>();
        for (Rectangle area : AlignedTextAreas.find(side)) {
            found.addAll(streamTablesOf(side.getArea(area)));
        }
        return found;
    }

    private static List<Found> streamTablesOf(Page area) {
        List<Found> found = new ArrayList<>();
        for (Table table : new BasicExtractionAlgorithm().extract(area)) {
            TableFilter.keep(textOf(table), Method.STREAM)
                    .ifPresent(rows -> found.add(new Found(table, rows, Method.STREAM)));
        }
        return found;
    }

    private static long cells(List<Found> tables) {
        return tables.stream().flatMap(f -> f.rows().stream()).flatMap(List::stream).filter(c -> !c.isEmpty()).count();
    }

    /** Gap inside a ruled cell that splits it into runs of words: wider than a space, narrower than most columns. */
    private static final float CELL_RUN_GAP = 1.0f;

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<List<UnruledBody.CellLayout>> layoutOf(Table table) {
        List<List<UnruledBody.CellLayout>> rows = new ArrayList<>();
        for (List<RectangularTextContainer> row : table.getRows()) {
            List<UnruledBody.CellLayout> cells = new ArrayList<>();
            for (RectangularTextContainer cell : row) {
                List<TextChunk> chunks = cell.getTextElements();
                if (chunks == null || chunks.isEmpty()) {
                    cells.add(UnruledBody.CellLayout.EMPTY);
                    continue;
                }
                int lines = 0;
                int widest = 0;
                int runs = 0;
                for (Line line : TextChunk.groupByLines(chunks)) {
                    int onLine = AlignedTextAreas.runs(line, CELL_RUN_GAP);
                    if (onLine > 0) {
                        lines++;
                        runs += onLine;
                        widest = Math.max(widest, onLine);
                    }
                }
                cells.add(new UnruledBody.CellLayout(lines, widest, runs));
            }
            rows.add(cells);
        }
        return rows;
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
