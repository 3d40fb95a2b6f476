package dev.docflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The title a file declares rides on the extracted document's reference; none leaves it empty. */
class DeclaredTitlesTest {
    private static final Path RESOURCES = Path.of("src/test/resources/parse");

    private final DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS);

    @TempDir
    Path dir;

    @AfterEach
    void stopWorker() {
        extractor.close();
    }

    @Test
    void aMarkdownPageIsTitledByItsFrontMatterAndItsMarkupIsNotText() {
        ExtractedDocument document = extract(RESOURCES.resolve("markdown/operator-health.md"));

        assertThat(document.ref().title()).isEqualTo("Operator Health Monitoring");
        assertThat(document.text()).startsWith("Operator Health Monitoring\n\nHealth Probe\n\nThe Flink Kubernetes Operator provides")
                .doesNotContain("weight: 3", "Licensed to the Apache Software Foundation");
    }

    @Test
    void aMarkdownPageWithoutFrontMatterIsTitledByItsFirstHeading() throws IOException {
        Path page = Files.writeString(dir.resolve("notes.md"), "Some words first.\n\n## Setting up the cluster\n\nText.\n\n# Later\n");

        assertThat(extract(page).ref().title()).isEqualTo("Setting up the cluster");
    }

    @Test
    void anHtmlPageIsTitledByItsTitleElement() {
        assertThat(extract(RESOURCES.resolve("catalog-pg-default-acl.html")).ref().title()).isEqualTo("53.17. pg_default_acl");
    }

    @Test
    void aPdfIsTitledByItsInfoAndOneTitledUntitledIsNot() throws IOException {
        assertThat(extract(pdf("budget.pdf", "Regional Budget Outlook 2026")).ref().title()).isEqualTo("Regional Budget Outlook 2026");
        assertThat(extract(pdf("scan.pdf", "Untitled")).ref().title()).isEmpty();
        assertThat(extract(pdf("plain.pdf", null)).ref().title()).isEmpty();
    }

    @Test
    void aDocxIsTitledByItsCoreProperties() throws IOException {
        Path docx = dir.resolve("minutes.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            doc.createParagraph().createRun().setText("The board met on Tuesday and approved the plan.");
            doc.getProperties().getCoreProperties().setTitle("Board Minutes, March");
            doc.write(out);
        }

        assertThat(extract(docx).ref().title()).isEqualTo("Board Minutes, March");
    }

    private Path pdf(String name, String title) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Spending rose by four percent in the northern districts this year.");
                content.endText();
            }
            if (title != null) {
                doc.getDocumentInformation().setTitle(title);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private ExtractedDocument extract(Path file) {
        return extractor.extract(new DocumentRef("doc", "t", "kb", "kb-id", "key", file.getFileName().toString(), 0, 0), file);
    }
}
