package dev.docflow.ingest.parse;

import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.TextBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentExtractorTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private final DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS);

    @org.junit.jupiter.api.AfterEach
    void stopWorker() {
        extractor.close();
    }

    @Test
    void pdfBlocksCarryTheirPhysicalPage() {
        ExtractedDocument pdf = parse(SAMPLES.resolve("R-data.pdf"));

        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.pageCount()).isEqualTo(41);
        // pdftotext -f 30 -l 30 shows this sentence on physical page 30 (printed page 26)
        TextBlock block = blockContaining(pdf, "bzfile");
        assertThat(block.page()).isEqualTo(30);
    }

    @Test
    void markdownHeadingsBecomeHeadingBlocks() {
        ExtractedDocument md = parse(SAMPLES.resolve("docs__operations__health.md"));

        assertThat(Arrays.stream(md.blocks()).filter(TextBlock::isHeading)).isNotEmpty();
        assertThat(md.pageCount()).isZero();
        assertThat(md.text()).contains("8085");
    }

    @Test
    void htmlKeepsBodyTextAndHeadingsButNotTheHead() {
        ExtractedDocument html = parse(SAMPLES.resolve("tutorial-transactions.html"));

        assertThat(Arrays.stream(html.blocks()).filter(TextBlock::isHeading)).isNotEmpty();
        assertThat(html.text()).contains("BEGIN").doesNotContain("<title>");
    }

    @Test
    void docxTextIsExtracted() {
        ExtractedDocument docx = parse(SAMPLES.resolve("NullHeader.docx"));

        assertThat(docx.text()).contains("Yemen");
    }

    @Test
    void anEmptyFileFailsAsEmpty(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));

        assertThatThrownBy(() -> parse(empty))
                .isInstanceOfSatisfying(DocumentFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.EMPTY));
    }

    @Test
    void randomBytesNamedPdfFailAsCorrupt(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, bytes, 0, 9);
        Path broken = Files.write(dir.resolve("broken.pdf"), bytes);

        assertThatThrownBy(() -> parse(broken))
                .isInstanceOfSatisfying(DocumentFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.CORRUPT));
    }

    @Test
    void xmlThatIsNotWellFormedIsStillReadForItsText(@TempDir Path dir) throws Exception {
        // Tika's own test file: one entity used and never declared makes the XML parser refuse it whole
        Path xml = Files.writeString(dir.resolve("undeclared_entity.xml"), """
                <?xml version="1.0" encoding="UTF-8" ?>
                <!-- a licence header -->
                <address>
                   <company>START</company>
                   <name>An entity here&undeclared_entity; is invalid!</name>
                   <phone>END</phone>
                </address>
                """);

        ExtractedDocument document = parse(xml);

        assertThat(document.text()).contains("START", "is invalid!", "END").doesNotContain("licence header");
        assertThat(document.text().indexOf("START")).isEqualTo(document.text().lastIndexOf("START"));
    }

    @Test
    void wellFormedXmlIsReadOnce(@TempDir Path dir) throws Exception {
        Path xml = Files.writeString(dir.resolve("address.xml"), """
                <?xml version="1.0" encoding="UTF-8" ?>
                <address><company>START</company><name>A &amp; B</name></address>
                """);

        assertThat(parse(xml).text()).contains("START", "A & B");
    }

    @Test
    void textOverTheLimitFailsAsTooLarge() {
        try (DocumentExtractor small = new DocumentExtractor(ParseLimits.DEFAULTS.withMaxExtractedChars(1_000), ExtractionSettings.DEFAULTS)) {
            assertThatThrownBy(() -> small.extract(ref("R-data.pdf"), SAMPLES.resolve("R-data.pdf")))
                    .isInstanceOfSatisfying(DocumentFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE));
        }
    }

    private ExtractedDocument parse(Path file) {
        return extractor.extract(ref(file.getFileName().toString()), file);
    }

    private static DocumentRef ref(String fileName) {
        return new DocumentRef("doc-1", "t", "kb", "kb-id", "t/kb/" + fileName, fileName, 0, 0);
    }

    private static TextBlock blockContaining(ExtractedDocument document, String needle) {
        return Arrays.stream(document.blocks())
                .filter(block -> document.text().substring(block.start(), block.end()).contains(needle))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no block contains " + needle));
    }
}
