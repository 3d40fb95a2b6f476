package dev.docflow.bench;

import dev.docflow.bench.PageSample.Page;
import dev.docflow.bench.harness.BenchFigures;
import dev.docflow.bench.harness.BenchRecord;
import dev.docflow.bench.harness.MachineLoad;
import dev.docflow.bench.harness.Throughput;
import dev.docflow.bench.ingest.ReplicatedCorpus;
import dev.docflow.cli.DocflowConfig;
import dev.docflow.ingest.ocr.OcrSettings;
import dev.docflow.ingest.ocr.PdfPageRenderer;
import dev.docflow.ingest.ocr.RenderedPage;
import dev.docflow.ingest.ocr.TesseractOcr;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ocr-speed", mixinStandardHelpOptions = true,
        description = {"OCR speed against the tesseract command: N pages spread evenly over the PDFs of DIR (default",
            "../shared/corpus/manuals/r) are rendered once at the OCR resolution and saved as PNG; then Docflow's OCR",
            "stage (TesseractOcr: gray, straightened, recognised) reads the rendered images with P workers, each its own",
            "Tesseract, and the 'tesseract PAGE.png stdout' command reads the PNG files, P processes at a time, both with",
            "OMP_THREAD_LIMIT=1. Ends with 'RESULT pages_per_s=… ratio_to_cli=… pages=… processes=…'."})
final class BenchOcrSpeedCommand implements Callable<Integer> {
    private final DocflowConfig config;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder of PDFs.")
    Path folder;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "40", description = "Pages (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--processes", paramLabel = "P",
            description = "Workers and tesseract processes at a time (default: ingest.parallelism).")
    Integer processes;

    BenchOcrSpeedCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        Path source = folder != null ? folder : config.home().resolveSibling("shared").resolve("corpus/manuals/r");
        int workers = processes != null ? processes : config.parallelism();
        OcrSettings settings = OcrSettings.DEFAULTS;
        Path imagesDir = config.workDir().resolve("bench/ocr-speed-pages");
        List<Path> images = render(source, settings, imagesDir);
        BenchFigures figures = new BenchFigures("ocr-speed", "OCR: " + images.size() + " pages, " + workers + " at a time",
                Instant.now(), MachineLoad.now());
        figures.note("folder", source.toString()).note("dpi", String.valueOf(settings.dpi()));

        List<BufferedImage> decoded = new ArrayList<>();
        for (Path image : images) {
            decoded.add(ImageIO.read(image.toFile()));
        }
        System.out.printf(Locale.ROOT, "== Docflow's OCR stage, %d workers%n", workers);
        Throughput docflow = docflowStage(decoded, settings, workers);
        decoded.clear();
        System.out.printf(Locale.ROOT, "   %.1f s, %.2f pages/s%n", docflow.seconds(), docflow.perSecond());
        System.out.printf(Locale.ROOT, "== The tesseract command, %d processes%n", workers);
        Throughput cli = tesseractCommand(images, settings, workers);
        System.out.printf(Locale.ROOT, "   %.1f s, %.2f pages/s%n", cli.seconds(), cli.perSecond());

        figures.row("Docflow OCR stage (Tess4J)", row(docflow));
        figures.row("tesseract command", row(cli));
        figures.chart("pages_per_s", "pages/s");
        figures.result("pages_per_s", docflow.perSecond())
                .result("ratio_to_cli", docflow.ratioTo(cli))
                .result("pages", images.size())
                .result("processes", workers);
        BenchRecord.publish(figures, config.workDir(), System.out);
        return 0;
    }

    private static Map<String, Double> row(Throughput run) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("seconds", run.seconds());
        row.put("pages", run.items());
        row.put("pages_per_s", run.perSecond());
        return row;
    }

    /** The sampled pages rendered as the OCR stage renders them, saved as PNG (not timed: both read the same). */
    private List<Path> render(Path source, OcrSettings settings, Path imagesDir) throws IOException {
        List<Path> pdfs = ReplicatedCorpus.filesIn(source).stream()
                .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).toList();
        List<Page> all = new ArrayList<>();
        for (Path pdf : pdfs) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                    all.add(new Page(pdf, page));
                }
            }
        }
        Files.createDirectories(imagesDir);
        PdfPageRenderer renderer = new PdfPageRenderer(settings);
        List<Path> images = new ArrayList<>();
        Path open = null;
        PDDocument doc = null;
        try {
            for (Page page : PageSample.evenly(all, pages)) {
                if (!page.pdf().equals(open)) {
                    if (doc != null) {
                        doc.close();
                    }
                    doc = Loader.loadPDF(page.pdf().toFile());
                    open = page.pdf();
                }
                Path png = imagesDir.resolve(String.format(Locale.ROOT, "%03d-%s-p%d.png", images.size(),
                        page.pdf().getFileName().toString().replace(".pdf", ""), page.page()));
                RenderedPage rendered = renderer.render(doc, page.page());
                ImageIO.write(rendered.image(), "png", png.toFile());
                images.add(png);
            }
        } finally {
            if (doc != null) {
                doc.close();
            }
        }
        return images;
    }

    private static Throughput docflowStage(List<BufferedImage> images, OcrSettings settings, int workers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<TesseractOcr> engines = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                engines.add(new TesseractOcr(settings)); // started before the clock, as open() does
            }
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (TesseractOcr engine : engines) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < images.size(); i = next.getAndIncrement()) {
                        engine.recognize(images.get(i), settings.dpi());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            engines.forEach(TesseractOcr::close);
            return new Throughput(images.size(), seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Throughput tesseractCommand(List<Path> images, OcrSettings settings, int workers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < images.size(); i = next.getAndIncrement()) {
                        ProcessBuilder command = new ProcessBuilder("tesseract", images.get(i).toString(), "stdout",
                                "-l", settings.languages(), "--dpi", String.valueOf(settings.dpi()))
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .redirectError(ProcessBuilder.Redirect.DISCARD);
                        command.environment().put("OMP_THREAD_LIMIT", "1");
                        command.environment().put("TESSDATA_PREFIX", settings.tessdataPath());
                        int exit = command.start().waitFor();
                        if (exit != 0) {
                            throw new IllegalStateException("tesseract exited with " + exit + " on " + images.get(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
            return new Throughput(images.size(), (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
