package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.tables.PageTable.Method;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tika and tabula in one JVM on the one PDFBox (3): the arrangement the build relies on. Expected
 * cells are those of tabula's own expected CSVs for these files (see resources/tables/README.md).
 */
class PdfTableExtractorTest {
    private static final Path RESOURCES = Path.of("src/test/resources/tables");

    private final PdfTableExtractor extractor = new PdfTableExtractor();

    @Test
    void tikaAndTabulaReadTheSamePdfInOneJvm() throws Exception {
        Path pdf = RESOURCES.resolve("frx_2012_disclosure.pdf");

        assertThat(tikaText(pdf)).contains("FOREST LABORATORIES, INC. DISCLOSURE REPORT", "ALBUQUERQUE");

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<PageTable> tables = extractor.extractPage(document, 1);

            assertThat(tables).hasSize(1);
            PageTable table = tables.get(0);
            assertThat(table.method()).isEqualTo(Method.LATTICE);
            assertThat(table.page()).isEqualTo(1);
            assertThat(table.index()).isEqualTo(1);
            assertThat(table.rows()).contains(
                    List.of("Physician", "Related Entity (if applicable)", "City / State", "Purpose of Payment",
                            "Amount ($USD) * **"),
                    List.of("AALAEI, BEHZAD", "", "HIGHLAND, IN", "MEALS", "$51.24"),
                    List.of("AAMODT, DENISE, E", "", "ALBUQUERQUE, NM", "MEALS", "$66.12"),
                    // two lines in the PDF (and in tabula's CSV), one here
                    List.of("AARON, JOSHUA, N", "REGIONAL PULMONARY & SLEEP MEDICINE", "WEST GROVE, PA",
                            "SPEAKING FEES", "$4,700.00"),
                    List.of("ABADIAN SHARIFABAD, MANOOCHEHR", "", "GRANADA HILLS, CA", "MEALS", "$12.37"));
        }
    }

    @Test
    void aRuledTableAndAnUnruledOneOnOnePage() throws IOException {
        try (PDDocument document = Loader.loadPDF(RESOURCES.resolve("argentina_diputados_voting_record.pdf").toFile())) {
            List<PageTable> tables = extractor.extractPage(document, 1);

            assertThat(tables).extracting(PageTable::method).containsExactly(Method.STREAM, Method.LATTICE);
            assertThat(tables).extracting(PageTable::index).containsExactly(1, 2);
            assertThat(tables.get(0).rows().get(0)).contains("Identificados", "Sin Identificar", "Presidente");
            assertThat(tables.get(1).rows()).contains(
                    List.of("ABDALA de MATARAZZO, Norma Amanda", "Frente Cívico por Santiago", "Santiago del Estero",
                            "AFIRMATIVO"),
                    List.of("ALONSO, María Luz", "Frente para la Victoria - PJ", "La Pampa", "AFIRMATIVO"));
        }
    }

    @Test
    void cellsAreSingleLines() throws IOException {
        try (PDDocument document = Loader.loadPDF(RESOURCES.resolve("frx_2012_disclosure.pdf").toFile())) {
            List<String> cells = extractor.extract(document, () -> true).stream()
                    .flatMap(table -> table.rows().stream())
                    .flatMap(List::stream)
                    .toList();

            assertThat(cells).hasSizeGreaterThan(200)
                    .allSatisfy(cell -> assertThat(cell).doesNotContain("\r", "\n", "  ").isEqualTo(cell.strip()));
        }
    }

    @ParameterizedTest(name = "page /Rotate {0}, content turned {1} degrees")
    @CsvSource({"90, 0", "180, 0", "270, 0", "0, 90", "0, 270", "90, 90", "270, 180"})
    void aTurnedPageGivesTheTablesOfTheUprightOne(int pageRotation, int contentTurn) throws IOException {
        Path pdf = RESOURCES.resolve("argentina_diputados_voting_record.pdf");
        List<PageTable> upright;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            upright = extractor.extractPage(document, 1);
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            turn(document, document.getPage(0), pageRotation, contentTurn);

            assertThat(extractor.extractPage(document, 1)).isEqualTo(upright);
        }
        assertThat(upright).hasSize(2);
    }

    /**
     * Marks the page {@code /Rotate rotation} and draws its content turned counter-clockwise by
     * {@code degrees} inside a box turned with it, so that its text runs at that angle (a landscape
     * table printed sideways).
     */
    private static void turn(PDDocument document, PDPage page, int rotation, int degrees) throws IOException {
        page.setRotation(rotation);
        if (degrees == 0) {
            return;
        }
        PDRectangle box = page.getMediaBox();
        float w = box.getWidth();
        float h = box.getHeight();
        Matrix turn = Matrix.getRotateInstance(Math.toRadians(degrees), 0, 0);
        // after turning, move the box back into the first quadrant
        Matrix back = switch (degrees) {
            case 90 -> Matrix.getTranslateInstance(h, 0);
            case 180 -> Matrix.getTranslateInstance(w, h);
            case 270 -> Matrix.getTranslateInstance(0, w);
            default -> throw new IllegalArgumentException(String.valueOf(degrees));
        };
        try (PDPageContentStream before = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.PREPEND, false)) {
            before.saveGraphicsState();
            before.transform(back);
            before.transform(turn);
        }
        try (PDPageContentStream after = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, false)) {
            after.restoreGraphicsState();
        }
        boolean sideways = degrees % 180 != 0;
        PDRectangle turned = sideways ? new PDRectangle(h, w) : new PDRectangle(w, h);
        page.setMediaBox(turned);
        page.setCropBox(turned);
    }

    @Test
    void theDocumentStopsWhenTheCallerIsOutOfTime() throws IOException {
        try (PDDocument document = Loader.loadPDF(RESOURCES.resolve("frx_2012_disclosure.pdf").toFile())) {
            AtomicInteger asked = new AtomicInteger();

            assertThat(extractor.extract(document, () -> asked.incrementAndGet() > 1)).isEmpty();
            assertThat(asked).hasValue(1);
        }
    }

    @Test
    void aBlankPageHasNoTablesAndAMissingPageIsRejected() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());

            assertThat(extractor.extract(document, () -> true)).isEmpty();
            assertThatThrownBy(() -> extractor.extractPage(document, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void aTableBecomesTheParseStagesRecord() {
        PageTable table = new PageTable(3, 2, List.of(List.of("a", "b"), List.of("1", "2")), Method.STREAM);

        assertThat(table.toExtractedTable(4).part()).isEqualTo(4);
        assertThat(table.toExtractedTable(4).page()).isEqualTo(3);
        assertThat(table.toExtractedTable(4).index()).isEqualTo(2);
        assertThat(table.toExtractedTable(4).rows()).isEqualTo(table.rows());
    }

    private static String tikaText(Path pdf) throws Exception {
        PDFParserConfig config = new PDFParserConfig();
        config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        ParseContext context = new ParseContext();
        context.set(PDFParserConfig.class, config);
        BodyContentHandler text = new BodyContentHandler(-1);
        try (InputStream in = Files.newInputStream(pdf)) {
            new AutoDetectParser().parse(in, text, new Metadata(), context);
        }
        return text.toString();
    }

    @Test
    void tablesReadFromTheSameLinesTwiceAreOneArea() {
        // eu-012 page 3: tabula returns a chart's grid six times over, the same area each time
        java.awt.geom.Rectangle2D grid = new java.awt.geom.Rectangle2D.Double(74.4, 114.1, 445.4, 187.6);
        assertThat(PdfTableExtractor.sameArea(grid, new java.awt.geom.Rectangle2D.Double(74.4, 114.1, 445.4, 187.6))).isTrue();
        assertThat(PdfTableExtractor.sameArea(grid, new java.awt.geom.Rectangle2D.Double(75.0, 115.0, 440.0, 185.0))).isTrue();
        // us-032: the boxes of a table's row labels lie inside its frame; each is a table of its own
        assertThat(PdfTableExtractor.sameArea(grid, new java.awt.geom.Rectangle2D.Double(74.4, 114.1, 100.0, 60.0))).isFalse();
        assertThat(PdfTableExtractor.sameArea(grid, new java.awt.geom.Rectangle2D.Double(600.0, 114.1, 100.0, 60.0))).isFalse();
    }
}
