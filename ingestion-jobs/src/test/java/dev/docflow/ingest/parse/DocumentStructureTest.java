package dev.docflow.ingest.parse;

import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentPart;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.TextBlock;
import dev.docflow.ingest.chunk.Chunker;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.chunk.WordPieceTokenCounter;
import dev.docflow.ingest.model.Chunk;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers, mail, web pages and tables: what the parse stage keeps of a document's structure. */
class DocumentStructureTest {
    private static final Path RESOURCES = Path.of("src/test/resources/parse");

    private final DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS);

    @TempDir
    Path dir;

    @AfterEach
    void stopWorker() {
        extractor.close();
    }

    @Test
    void filesInsideAZipBecomePartsWithTheirLineage() throws IOException {
        Path inner = dir.resolve("inner.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(inner))) {
            add(zip, "notes.md", "# Setup\n\nThe inner manual mentions zirconium.\n".getBytes(StandardCharsets.UTF_8));
        }
        Path outer = dir.resolve("bundle.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(outer))) {
            add(zip, "readme.txt", "The outer readme mentions vanadium.".getBytes(StandardCharsets.UTF_8));
            add(zip, "inner.zip", Files.readAllBytes(inner));
        }

        ExtractedDocument document = extract(outer);

        assertThat(Arrays.stream(document.parts()).map(DocumentPart::path))
                .contains("bundle.zip", "bundle.zip › readme.txt", "bundle.zip › inner.zip › notes.md");
        assertThat(partOf(document, "zirconium").path()).isEqualTo("bundle.zip › inner.zip › notes.md");
        assertThat(partOf(document, "vanadium").path()).isEqualTo("bundle.zip › readme.txt");
    }

    @Test
    void aMailKeepsItsBodyAndEachAttachmentIsAPart() {
        ExtractedDocument mail = extract(RESOURCES.resolve("testRFC822_multipart_attachments.eml"));

        assertThat(Arrays.stream(mail.parts()).map(DocumentPart::path))
                .contains("testRFC822_multipart_attachments.eml › Test TxtA.txt",
                        "testRFC822_multipart_attachments.eml › Test TxtB.txt");
        // the body is the mail's own text, not a nameless attachment
        assertThat(Arrays.stream(mail.parts()).map(DocumentPart::path)).noneMatch(path -> path.contains("attachment "));
    }

    @Test
    void aWebPageLosesItsNavigationAndKeepsItsHeadings() {
        ExtractedDocument page = extract(RESOURCES.resolve("catalog-pg-default-acl.html"));

        // "Prev Up … Home … Next" tables head and foot every page of the PostgreSQL manual
        assertThat(page.text()).doesNotContain("Prev").doesNotContain("Next").doesNotContain("Home");
        assertThat(headings(page)).anyMatch(heading -> heading.contains("pg_default_acl"));
        // its one-column "table" is layout, not data: it stays text
        assertThat(page.tables()).isEmpty();
        assertThat(page.text()).contains("Row identifier");
    }

    @Test
    void anHtmlTableIsKeptCellByCell() throws IOException {
        Path html = Files.writeString(dir.resolve("plan.html"), "<html><body><h1>Plans</h1><table>"
                + "<tr><th>Plan</th><th>Price</th></tr><tr><td>Basic</td><td>10</td></tr>"
                + "<tr><td><p>Pro</p></td><td>20</td></tr></table></body></html>");

        ExtractedDocument document = extract(html);

        assertThat(document.tables()).hasSize(1);
        assertThat(document.tables()[0].rows())
                .containsExactly(List.of("Plan", "Price"), List.of("Basic", "10"), List.of("Pro", "20"));
        assertThat(Arrays.stream(document.blocks()).filter(block -> block.kind() == BlockKind.TABLE)).hasSize(1);
    }

    @Test
    void aCsvFileIsATable() throws IOException {
        Path csv = Files.writeString(dir.resolve("prices.csv"), "item,price\napple,3\npear,4\n");

        ExtractedDocument document = extract(csv);

        assertThat(document.tables()).hasSize(1);
        assertThat(document.tables()[0].rows())
                .containsExactly(List.of("item", "price"), List.of("apple", "3"), List.of("pear", "4"));
        assertThat(document.text()).contains("| item | price |");
    }

    @Test
    void eachSheetOfASpreadsheetIsATableChunkedUnderTheSheetName() throws IOException {
        Path xlsx = dir.resolve("company.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook.createSheet("Prices"), List.of(List.of("Item", "Price"), List.of("Widget", "4.20")));
            fill(workbook.createSheet("Staff"), List.of(List.of("Name", "Room"), List.of("Ada", "101")));
            try (var out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        }

        List<Chunk> chunks = new Chunker(new WordPieceTokenCounter(), ChunkingSettings.DEFAULTS).chunk(extract(xlsx))
                .stream().filter(Chunk::isTable).toList();

        assertThat(chunks).extracting(Chunk::headingPath).containsExactly("Prices", "Staff");
        assertThat(chunks.get(0).text()).contains("| Item | Price |", "| Widget | 4.20 |");
        assertThat(chunks.get(1).tableCsv()).isEqualTo("Name,Room\r\nAda,101\r\n");
    }

    private static void fill(Sheet sheet, List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                row.createCell(c).setCellValue(rows.get(r).get(c));
            }
        }
    }

    @Test
    void aStyleSheetIsNotADocument() throws IOException {
        Path css = Files.writeString(dir.resolve("stylesheet.css"), "body { color: #333; font-family: sans-serif; }\n");

        assertThatThrownBy(() -> extract(css)).isInstanceOfSatisfying(DocumentFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(FailureReason.UNSUPPORTED));
    }

    @Test
    void textInAnOldEncodingIsReadCorrectly() throws IOException {
        String text = "Le café est servi à Zürich. Une réponse naïve coûte 5 €.\n\nSecond paragraph of the note.\n";
        Path latin = Files.write(dir.resolve("note.txt"), text.getBytes("windows-1252"));

        assertThat(extract(latin).text()).contains("café", "Zürich", "naïve", "€");
    }

    private ExtractedDocument extract(Path file) {
        return extractor.extract(new DocumentRef("doc", "t", "kb", "kb-id", "key", file.getFileName().toString(), 0, 0), file);
    }

    private static DocumentPart partOf(ExtractedDocument document, String needle) {
        TextBlock block = Arrays.stream(document.blocks())
                .filter(b -> document.text().substring(b.start(), b.end()).contains(needle))
                .findFirst().orElseThrow(() -> new AssertionError("no block contains " + needle));
        return document.parts()[block.part()];
    }

    private static List<String> headings(ExtractedDocument document) {
        return Arrays.stream(document.blocks()).filter(TextBlock::isHeading)
                .map(b -> document.text().substring(b.start(), b.end())).toList();
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
