package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real child JVM of module {@code bench/tabula-pdfbox2} (built before this module in the
 * reactor) on a PDF drawn here with PDFBox 3: a page with a ruled grid and a page of aligned,
 * unruled columns.
 */
class TabulaPdfbox2ProcessIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final List<List<String>> GRID = List.of(
            List.of("Country", "Capital", "Population"),
            List.of("France", "Paris", "68"),
            List.of("Peru", "Lima", "34"),
            List.of("Japan", "Tokyo", "124"),
            List.of("Kenya", "Nairobi", "56"),
            List.of("Chile", "Santiago", "20"));

    @TempDir
    Path folder;

    @Test
    void tabulaOnPdfbox2ReadsTheRuledGridByLatticeAndTellsThePagesApart() throws Exception {
        Path pdf = folder.resolve("grid.pdf");
        write(pdf);

        TabulaTables tables = new TabulaPdfbox2Process(HOME).read(List.of(pdf), folder.resolve("tabula.jsonl"));

        assertThat(tables.pdfbox()).startsWith("2.0.");
        assertThat(tables.errors()).isEmpty();
        assertThat(tables.variants()).contains("tabula-stream", "tabula-lattice", "tabula-auto");
        assertThat(tables.kind(pdf, 1)).isEqualTo(PageKind.RULED);
        assertThat(tables.kind(pdf, 2)).isEqualTo(PageKind.UNRULED);
        assertThat(tables.tables(pdf, "tabula-lattice"))
                .containsExactly(new TabulaTables.Found(1, GRID));
        assertThat(tables.tables(pdf, "tabula-auto")).first().isEqualTo(new TabulaTables.Found(1, GRID));
        assertThat(tables.cellsByPage(pdf, "tabula-stream").get(2)).contains("Lima", "Population", "34");
    }

    /**
     * Page 1: {@link #GRID} in a box of ruling lines; page 2: the same rows as aligned text, enough
     * of them for tabula's area guess (it wants a column edge over four lines of text or more).
     */
    private static void write(Path pdf) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float left = 72;
            float top = 700;
            float width = 120;
            float height = 24;
            PDPage ruled = new PDPage(PDRectangle.LETTER);
            document.addPage(ruled);
            try (PDPageContentStream page = new PDPageContentStream(document, ruled)) {
                for (int row = 0; row <= GRID.size(); row++) {
                    page.moveTo(left, top - row * height);
                    page.lineTo(left + 3 * width, top - row * height);
                }
                for (int column = 0; column <= 3; column++) {
                    page.moveTo(left + column * width, top);
                    page.lineTo(left + column * width, top - GRID.size() * height);
                }
                page.stroke();
                text(page, font, left, top, width, height);
            }
            PDPage unruled = new PDPage(PDRectangle.LETTER);
            document.addPage(unruled);
            try (PDPageContentStream page = new PDPageContentStream(document, unruled)) {
                text(page, font, left, top, width, height);
            }
            document.save(pdf.toFile());
        }
    }

    private static void text(PDPageContentStream page, PDType1Font font, float left, float top, float width, float height)
            throws IOException {
        for (int row = 0; row < GRID.size(); row++) {
            for (int column = 0; column < 3; column++) {
                page.beginText();
                page.setFont(font, 11);
                page.newLineAtOffset(left + column * width + 6, top - row * height - 16);
                page.showText(GRID.get(row).get(column));
                page.endText();
            }
        }
    }
}
