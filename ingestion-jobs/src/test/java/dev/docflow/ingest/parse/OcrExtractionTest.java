package dev.docflow.ingest.parse;

import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentPart;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.OcrPage;
import dev.docflow.ingest.model.TextBlock;
import dev.docflow.ingest.testfiles.HostileFiles;
import dev.docflow.ingest.testfiles.ScannedPages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OCR in the parse stage, with the real Tesseract: image files, scanned pages, images inside documents. */
class OcrExtractionTest {
    private static final Path OCR = Path.of("src/test/resources/ocr");

    private final DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS);

    @TempDir
    Path dir;

    @AfterEach
    void stopWorker() {
        extractor.close();
    }

    @Test
    void anImageFileIsReadByOcrWithItsConfidence() {
        ExtractedDocument image = extract(OCR.resolve("testOCR.png"));

        assertThat(image.text()).contains("This file contains some words");
        assertThat(image.ocrPages()).singleElement().satisfies(page -> {
            assertThat(page.page()).isZero();
            assertThat(page.confidence()).isGreaterThan(70f);
        });
    }

    @Test
    void eachFrameOfAMultiPageTiffIsAPage() {
        ExtractedDocument tiff = extract(OCR.resolve("testTIFF_multipage.tif"));

        assertThat(tiff.pageCount()).isGreaterThanOrEqualTo(2);
        assertThat(blockWith(tiff, "Page 2").page()).isEqualTo(2);
        assertThat(Arrays.stream(tiff.ocrPages()).map(OcrPage::page)).contains(1, 2);
    }

    @Test
    void onlyTheScannedPageOfAMixedPdfIsOcrd() throws IOException {
        Path pdf = dir.resolve("mixed.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage text = new PDPage();
            document.addPage(text);
            try (PDPageContentStream content = new PDPageContentStream(document, text)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("The first page has a real text layer about quarterly maintenance windows.");
                content.endText();
            }
            PDPage scan = new PDPage();
            document.addPage(scan);
            PDImageXObject image = PDImageXObject.createFromFile(OCR.resolve("testOCR.png").toString(), document);
            try (PDPageContentStream content = new PDPageContentStream(document, scan)) {
                content.drawImage(image, 72, 300, image.getWidth() / 2f, image.getHeight() / 2f);
            }
            document.save(pdf.toFile());
        }

        ExtractedDocument mixed = extract(pdf);

        assertThat(blockWith(mixed, "quarterly maintenance").page()).isEqualTo(1);
        assertThat(blockWith(mixed, "contains some words").page()).isEqualTo(2);
        assertThat(mixed.ocrPages()).extracting(OcrPage::page).containsExactly(2);
    }

    @ParameterizedTest(name = "turned {0} quarter(s) clockwise")
    @ValueSource(ints = {1, 2})
    void aPdfPageScannedSidewaysOrUpsideDownIsRead(int quarters) throws IOException {
        Path pdf = ScannedPages.pdfOfImage(dir.resolve("turned.pdf"), ScannedPages.turned(ScannedPages.page(), quarters));

        ExtractedDocument scan = extract(pdf);

        assertThat(ScannedPages.wordRecall(ScannedPages.TEXT, scan.text())).as(scan.text()).isGreaterThan(0.9);
        assertThat(scan.ocrPages()).extracting(OcrPage::page).containsExactly(1);
    }

    @Test
    void aPdfPagePaintedAsAnInlineImageIsOcrdAsAScan() throws IOException {
        Path pdf = ScannedPages.pdfOfInlineImage(dir.resolve("inline.pdf"), ScannedPages.page());

        ExtractedDocument scan = extract(pdf);

        assertThat(ScannedPages.wordRecall(ScannedPages.TEXT, scan.text())).as(scan.text()).isGreaterThan(0.9);
        assertThat(scan.ocrPages()).extracting(OcrPage::page).containsExactly(1);
    }

    @Test
    void aCmykJpegWithAnAdobeMarkerIsRead() throws IOException {
        Path jpeg = ScannedPages.write(dir.resolve("cmyk.jpg"), ScannedPages.cmykJpeg(ScannedPages.page()));

        ExtractedDocument image = extract(jpeg);

        assertThat(ScannedPages.wordRecall(ScannedPages.TEXT, image.text())).as(image.text()).isGreaterThan(0.9);
    }

    @Test
    void aYcckJpegAsImageMagickWritesCmykIsRead() {
        // testOCR.png through ImageMagick 6.9 "-colorspace CMYK": libjpeg stores it as YCCK, Adobe marker, inverted
        ExtractedDocument image = extract(OCR.resolve("testOCR_ycck.jpg"));

        assertThat(image.text()).contains("This file contains some words");
    }

    @Test
    void anImageInsideADocxIsOcrdAsAPartOfItsOwn() {
        ExtractedDocument docx = extract(OCR.resolve("testOCR.docx"));

        assertThat(docx.text()).contains("Here is an embedded image");
        DocumentPart image = docx.parts()[blockWith(docx, "Happy New Year 2003").part()];
        assertThat(image.path()).isEqualTo("testOCR.docx › image1.png");
        assertThat(docx.ocrPages()).singleElement().satisfies(page -> assertThat(page.part()).isEqualTo(1));
        assertThat(docx.text()).as("the thumbnail of the first page is not read again").containsOnlyOnce("Happy New Year");
    }

    @Test
    void withOcrOffAnImageFileIsUnsupported() {
        try (DocumentExtractor noOcr = new DocumentExtractor(ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS.withoutOcr())) {
            Path png = OCR.resolve("testOCR.png");
            assertThatThrownBy(() -> noOcr.extract(ref(png), png))
                    .isInstanceOfSatisfying(DocumentFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.UNSUPPORTED))
                    .hasMessageContaining("ocr.enabled");
        }
    }

    @Test
    void anImageOfTwentyThousandPixelsSquareIsTooLargeAndIsNotDecoded() throws IOException {
        Path huge = HostileFiles.hugePng(dir.resolve("huge.png"), 20_000, 20_000);

        assertThatThrownBy(() -> extractor.extract(ref(huge), huge))
                .isInstanceOfSatisfying(DocumentFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE));
        assertThat(extract(OCR.resolve("testOCR.png")).text()).as("the next document is read").contains("some words");
    }

    private ExtractedDocument extract(Path file) {
        return extractor.extract(ref(file), file);
    }

    private static TextBlock blockWith(ExtractedDocument document, String phrase) {
        return Arrays.stream(document.blocks())
                .filter(block -> document.text().substring(block.start(), block.end()).contains(phrase))
                .findFirst().orElseThrow(() -> new AssertionError("no block with '" + phrase + "' in " + document.text()));
    }

    private static DocumentRef ref(Path file) {
        return new DocumentRef("doc", "t", "kb", "kb-id", "key", file.getFileName().toString(), 0, 0);
    }
}
