package dev.docflow.ingest.parse;

import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to hurt: each fails alone, with its reason, inside its limits. */
class HostileInputTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    @Test
    void aZipBombStopsAtTheExpansionLimit() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        assertFails(ParseLimits.DEFAULTS.withMaxExpandedBytes(16L << 20), bomb, FailureReason.TOO_LARGE);
    }

    @Test
    void zipsNestedDeeperThanTheLimitFailAsTooDeep() throws IOException {
        byte[] inner = "The innermost note.".getBytes(StandardCharsets.UTF_8);
        String innerName = "note.txt";
        for (int level = 0; level < 8; level++) {
            Path zip = dir.resolve("level" + level + ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry(innerName));
                out.write(inner);
                out.closeEntry();
            }
            inner = Files.readAllBytes(zip);
            innerName = zip.getFileName().toString();
        }
        Path deepest = Files.write(dir.resolve("nested.zip"), inner);

        assertFails(ParseLimits.DEFAULTS, deepest, FailureReason.TOO_DEEP);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(1L << 30); // sparse: 1 GB without writing it
        }

        assertFails(ParseLimits.DEFAULTS, huge, FailureReason.TOO_LARGE);
    }

    @Test
    void aTruncatedDocxFailsAsCorrupt() throws IOException {
        byte[] docx = Files.readAllBytes(SAMPLES.resolve("NullHeader.docx"));
        Path truncated = Files.write(dir.resolve("truncated.docx"), java.util.Arrays.copyOf(docx, docx.length / 2));

        assertFails(ParseLimits.DEFAULTS, truncated, FailureReason.CORRUPT);
    }

    @Test
    void aDocumentOverThePageLimitFailsAsTooLarge() throws IOException {
        Path pdf = pagedPdf(300);

        assertFails(ParseLimits.DEFAULTS.withMaxPages(100), pdf, FailureReason.TOO_LARGE);
    }

    @Test
    void parsingPastTheTimeLimitFailsAsTimeout() throws IOException {
        Path pdf = pagedPdf(2_000);

        // no time at all: the deadline has passed before the first page is read
        assertFails(ParseLimits.DEFAULTS.withMaxParseSeconds(0), pdf, FailureReason.TIMEOUT);
    }

    @Test
    void anEncryptedPdfFailsAsEncrypted() throws Exception {
        Path pdf = Path.of(HostileInputTest.class.getResource("/parse/encrypted.pdf").toURI());
        assertFails(ParseLimits.DEFAULTS, pdf, FailureReason.ENCRYPTED);
    }

    @Test
    void aTwoThousandPageDocumentIsReadWithinTheDefaultLimits() throws IOException {
        Path pdf = pagedPdf(2_000);
        Path note = Files.writeString(dir.resolve("note.txt"), "A short note after a long document.");
        try (DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS.withMaxParseSeconds(0), ExtractionSettings.DEFAULTS)) {
            assertThatThrownBy(() -> extractor.extract(ref(pdf), pdf)).isInstanceOf(DocumentFailedException.class);
        }
        try (DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS)) {
            assertThat(extractor.extract(ref(pdf), pdf).pageCount()).isEqualTo(2_000);
            assertThat(extractor.extract(ref(note), note).text()).contains("short note");
        }
    }

    @Test
    void aParserThatNeverReturnsLeavesNoMoreThanTheBoundOfStuckWorkers() throws Exception {
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        // stands for a parser stuck in a loop that ignores interrupts; parked, so it costs no CPU
        PdfPagePass.PageTables neverReturns = (pdf, page) -> {
            while (end.getCount() > 0) {
                try {
                    end.await();
                } catch (InterruptedException ignored) {
                    // what a misbehaving parser does
                }
            }
            return java.util.List.of();
        };
        Path pdf = pagedPdf(1);
        try (DocumentExtractor stuck = new DocumentExtractor(ParseLimits.DEFAULTS.withMaxParseSeconds(1),
                ExtractionSettings.DEFAULTS, neverReturns, 2)) {
            for (int document = 0; document < 2; document++) {
                assertThatThrownBy(() -> stuck.extract(ref(pdf), pdf))
                        .isInstanceOfSatisfying(DocumentFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
            }
            assertThat(stuck.stuckWorkers()).isEqualTo(2);
            long started = System.nanoTime();
            for (int document = 0; document < 3; document++) {
                assertThatThrownBy(() -> stuck.extract(ref(pdf), pdf))
                        .isInstanceOfSatisfying(DocumentFailedException.class, e -> {
                            assertThat(e.reason()).isEqualTo(FailureReason.INTERNAL_ERROR);
                            assertThat(e.getMessage()).contains("2 parse workers are stuck");
                        });
            }
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("refused at once, not after a timeout")
                    .isLessThan(java.time.Duration.ofSeconds(1));
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("docflow-parse-worker") && thread.isAlive())
                    .count()).as("no thread piles up").isLessThanOrEqualTo(2);
        } finally {
            end.countDown();
        }
    }

    private Path pagedPdf(int pages) throws IOException {
        Path file = dir.resolve(pages + "-pages.pdf");
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 1; page <= pages; page++) {
                PDPage pdfPage = new PDPage();
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 700);
                    content.showText("This is page " + page + " of " + pages + ", with a line of its own.");
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static void assertFails(ParseLimits limits, Path file, FailureReason reason) {
        try (DocumentExtractor extractor = new DocumentExtractor(limits, ExtractionSettings.DEFAULTS)) {
            assertThatThrownBy(() -> extractor.extract(ref(file), file))
                    .isInstanceOfSatisfying(DocumentFailedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        }
    }

    private static DocumentRef ref(Path file) {
        return new DocumentRef("doc", "t", "kb", "kb-id", "key", file.getFileName().toString(), 0, 0);
    }
}
