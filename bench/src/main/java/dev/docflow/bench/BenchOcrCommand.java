package dev.docflow.bench;

import dev.docflow.cli.DocflowConfig;
import dev.docflow.bench.PageSample.Page;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.ocr.OcrSettings;
import dev.docflow.ingest.ocr.OcrText;
import dev.docflow.ingest.ocr.PdfPageRenderer;
import dev.docflow.ingest.ocr.RenderedPage;
import dev.docflow.ingest.ocr.TesseractOcr;
import dev.docflow.ingest.ocr.ThinTextLayerRule;
import dev.docflow.ingest.parse.DocumentExtractor;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseIsolation;
import dev.docflow.ingest.parse.ParseLimits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = {"OCR accuracy and speed on PDF pages that have a text layer: each sampled page is",
            "rendered, read by Tesseract and its words compared with the page's own text (word edit",
            "distance, ignoring case, punctuation and dot leaders). One thread, as one Flink worker runs it.",
            "Some of the pages are also read as scans of other kinds (--scans), with the accuracy per kind.",
            "Default folder: ../shared/corpus/manuals/r (the six R manuals)."})
final class BenchOcrCommand implements Callable<Integer> {
    private final DocflowConfig config;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder of PDFs with a text layer.")
    Path folder;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "40",
            description = "Pages to sample, spread evenly over all PDFs (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--dpi", paramLabel = "D", description = "Rendering resolution (default: the OCR default, 300).")
    Integer dpi;

    @Option(names = "--scans", paramLabel = "N", defaultValue = "10",
            description = {"Of the sampled pages, N spread evenly are also read as scans: turned a quarter and a half,",
                "painted inline in a PDF, saved as a CMYK JPEG (the last two through the parse stage) (default: ${DEFAULT-VALUE})."})
    int scans;

    /** The kinds of scan each of the {@code --scans} pages is remade as. */
    private enum Kind { SIDEWAYS, UPSIDE_DOWN, INLINE_IMAGE, CMYK_JPEG }

    private record Kept(Path pdf, int page, List<String> reference, RenderedPage rendered) {}

    BenchOcrCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws IOException {
        Path source = folder != null ? folder : config.home().resolveSibling("shared").resolve("corpus/manuals/r");
        OcrSettings settings = dpi != null ? OcrSettings.DEFAULTS.withDpi(dpi) : OcrSettings.DEFAULTS;
        List<Page> sample = PageSample.evenly(pagesWithText(pdfsIn(source), settings), pages);
        Map<Path, List<Integer>> byPdf = new LinkedHashMap<>();
        sample.forEach(page -> byPdf.computeIfAbsent(page.pdf(), unused -> new ArrayList<>()).add(page.page()));

        long referenceWords = 0;
        long edits = 0;
        long leaderWords = 0;
        long leaderEdits = 0;
        int leaderPages = 0;
        double seconds = 0;
        int doubtful = 0;
        Set<Page> asScans = new HashSet<>(scans > 0 ? PageSample.evenly(sample, scans) : List.of());
        List<Kept> kept = new ArrayList<>();
        PdfPageRenderer renderer = new PdfPageRenderer(settings);
        try (TesseractOcr ocr = new TesseractOcr(settings)) {
            for (Map.Entry<Path, List<Integer>> pdf : byPdf.entrySet()) {
                try (PDDocument doc = Loader.loadPDF(pdf.getKey().toFile())) {
                    for (int page : pdf.getValue()) {
                        String referenceText = pageText(doc, page);
                        List<String> reference = WordAccuracy.words(referenceText);
                        long start = System.nanoTime();
                        RenderedPage rendered = renderer.render(doc, page);
                        OcrText read = ocr.recognize(rendered.image(), rendered.dpi());
                        double pageSeconds = (System.nanoTime() - start) / 1e9;
                        int pageEdits = WordAccuracy.edits(reference, WordAccuracy.words(read.text()));
                        referenceWords += reference.size();
                        edits += pageEdits;
                        seconds += pageSeconds;
                        doubtful += read.confidence() < TesseractOcr.LOW_CONFIDENCE ? 1 : 0;
                        if (asScans.contains(new Page(pdf.getKey(), page))) {
                            kept.add(new Kept(pdf.getKey(), page, reference, rendered));
                        }
                        boolean leaders = WordAccuracy.isLeaderPage(referenceText);
                        if (leaders) {
                            leaderPages++;
                            leaderWords += reference.size();
                            leaderEdits += pageEdits;
                        }
                        System.out.printf(Locale.ROOT, "%-14s p.%-4d words=%-4d edits=%-3d accuracy=%.3f confidence=%.0f seconds=%.2f%s%n",
                                pdf.getKey().getFileName(), page, reference.size(), pageEdits,
                                accuracy(reference.size(), pageEdits), read.confidence(), pageSeconds,
                                leaders ? "  (contents/index: dot leaders)" : "");
                    }
                }
            }
            readAsScans(ocr, kept, settings);
        }
        System.out.printf(Locale.ROOT, "Pages read under confidence %d, whose orientation was looked for: %d of %d%n",
                TesseractOcr.LOW_CONFIDENCE, doubtful, sample.size());
        System.out.printf(Locale.ROOT, "Without the %d contents/index pages (OCR reads dot leaders as letters): word_accuracy=%.3f pages=%d%n",
                leaderPages, accuracy(referenceWords - leaderWords, edits - leaderEdits), sample.size() - leaderPages);
        System.out.printf(Locale.ROOT, "RESULT word_accuracy=%.3f pages=%d seconds_per_page=%.2f%n",
                accuracy(referenceWords, edits), sample.size(), sample.isEmpty() ? 0 : seconds / sample.size());
        return 0;
    }

    /** Reads each kept page again as every kind of scan and prints the word accuracy per kind. */
    private static void readAsScans(TesseractOcr ocr, List<Kept> kept, OcrSettings settings) throws IOException {
        Path dir = Files.createTempDirectory("bench-ocr-scans");
        Map<Kind, long[]> tally = new EnumMap<>(Kind.class); // reference words, edits, nanoseconds
        try (DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS,
                new ExtractionSettings(false, settings, ParseIsolation.IN_PROCESS))) {
            for (Kept page : kept) {
                BufferedImage image = page.rendered().image();
                int pageDpi = page.rendered().dpi();
                for (Kind kind : Kind.values()) {
                    Path file = switch (kind) {
                        case INLINE_IMAGE -> ScanKinds.inlineImagePdf(dir.resolve("inline.pdf"), image, pageDpi);
                        case CMYK_JPEG -> ScanKinds.cmykJpeg(dir.resolve("cmyk.jpg"), image);
                        default -> null;
                    };
                    BufferedImage turned = kind == Kind.SIDEWAYS || kind == Kind.UPSIDE_DOWN
                            ? ScanKinds.turned(image, kind == Kind.SIDEWAYS ? 1 : 2) : null;
                    long start = System.nanoTime();
                    String text = turned != null ? ocr.recognize(turned, pageDpi).text() : extracted(extractor, file);
                    long nanos = System.nanoTime() - start;
                    int pageEdits = WordAccuracy.edits(page.reference(), WordAccuracy.words(text));
                    long[] sums = tally.computeIfAbsent(kind, unused -> new long[3]);
                    sums[0] += page.reference().size();
                    sums[1] += pageEdits;
                    sums[2] += nanos;
                    System.out.printf(Locale.ROOT, "%-14s p.%-4d %-12s accuracy=%.3f seconds=%.2f%n", page.pdf().getFileName(),
                            page.page(), kind.name().toLowerCase(Locale.ROOT), accuracy(page.reference().size(), pageEdits), nanos / 1e9);
                }
            }
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
        tally.forEach((kind, sums) -> System.out.printf(Locale.ROOT, "SCANS kind=%s word_accuracy=%.3f pages=%d seconds_per_page=%.2f%n",
                kind.name().toLowerCase(Locale.ROOT), accuracy(sums[0], sums[1]), kept.size(), sums[2] / 1e9 / kept.size()));
    }

    /** The parse stage's text of a file, or none when it fails it (a page it did not OCR ends {@code empty}). */
    private static String extracted(DocumentExtractor extractor, Path file) {
        try {
            return extractor.extract(new DocumentRef("bench", "bench", "bench", "bench", file.toString(),
                    file.getFileName().toString(), 0, 0), file).text();
        } catch (DocumentFailedException e) {
            System.out.printf(Locale.ROOT, "  %s failed: %s%n", file.getFileName(), e.reason());
            return "";
        }
    }

    private static double accuracy(long referenceWords, long edits) {
        return referenceWords == 0 ? (edits == 0 ? 1 : 0) : Math.max(0, 1 - (double) edits / referenceWords);
    }

    private static List<Path> pdfsIn(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("Folder " + source + " does not exist");
        }
        try (Stream<Path> files = Files.list(source)) {
            List<Path> pdfs = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .sorted().toList();
            if (pdfs.isEmpty()) {
                throw new IllegalArgumentException("No PDFs in " + source);
            }
            return pdfs;
        }
    }

    /** Pages whose text layer is full enough to be a reference: a thin one would need OCR itself. */
    private static List<Page> pagesWithText(List<Path> pdfs, OcrSettings settings) throws IOException {
        ThinTextLayerRule thin = new ThinTextLayerRule(settings);
        List<Page> candidates = new ArrayList<>();
        for (Path pdf : pdfs) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                    if (!thin.needsOcr(pageText(doc, page))) {
                        candidates.add(new Page(pdf, page));
                    }
                }
            }
        }
        return candidates;
    }

    private static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }
}
