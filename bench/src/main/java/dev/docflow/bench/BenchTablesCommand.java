package dev.docflow.bench;

import dev.docflow.cli.DocflowConfig;
import dev.docflow.ingest.tables.PageTable;
import dev.docflow.ingest.tables.PdfTableExtractor;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Table extraction quality: cell-level precision and recall against ground truth.",
            "Sets under DIR (default ../shared/corpus/tables): csv/NAME.csv, the expected tables of one page of",
            "NAME.pdf (compared with the page it matches best; CSVs without a PDF of their name are skipped),",
            "and icdar2013-dataset/*/NAME-str.xml,",
            "the ICDAR 2013 cell structure of NAME.pdf (page by page, pages without tables included).",
            "The csv set is read again with its pages turned by 90, 180 and 270 degrees (SET rotated).",
            "Also counts the tables found in prose (--prose), where there should be few or none.",
            "--against-tabula: the same pages read by tabula on its own PDFBox 2 too (module bench/tabula-pdfbox2,",
            "in a JVM of its own), scored the same way, per set and per page kind (ruled or unruled)."})
final class BenchTablesCommand implements Callable<Integer> {
    private final DocflowConfig config;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder with the table PDFs and their ground truth.")
    Path folder;

    @Option(names = "--prose", paramLabel = "DIR",
            description = "PDFs of running text, for the junk-table count (default: ../shared/corpus/manuals/r).")
    Path proseFolder;

    @Option(names = "--against-tabula",
            description = "Also read every PDF with tabula on its own PDFBox 2 (stream after its area guess, lattice, both) and print the figures side by side.")
    boolean againstTabula;

    /** The ICDAR 2013 documents' tuning and test halves, under the repository. */
    static final String ICDAR_SPLIT = "eval/tables/icdar2013-split.tsv";
    /** The pages of the R manuals that hold a real table: a table found on any other page is a false one. */
    static final String PROSE_TABLE_PAGES = "eval/tables/r-manuals-table-pages.tsv";

    /** The turns the csv set is read again at, to show tables do not depend on a page's orientation. */
    private static final int[] QUARTER_TURNS = {90, 180, 270};

    private final PdfTableExtractor extractor = new PdfTableExtractor();
    private int tables;

    BenchTablesCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        Path shared = config.home().resolveSibling("shared");
        Path root = folder != null ? folder : shared.resolve("corpus/tables");
        Path prose = proseFolder != null ? proseFolder : shared.resolve("corpus/manuals/r");
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Table corpus " + root + " does not exist (pass DIR)");
        }
        TabulaComparison tabula = againstTabula ? readWithTabula(root, prose) : null;
        int documents = 0;
        CellMatch.Score total = CellMatch.Score.NONE;

        long start = System.nanoTime();
        CellMatch.Score csv = CellMatch.Score.NONE;
        CellMatch.Score rotated = CellMatch.Score.NONE;
        for (Path expected : files(root.resolve("csv"), ".csv")) {
            Path pdf = csvPdf(root, expected);
            if (!Files.isRegularFile(pdf)) {
                System.out.println("csv      " + expected.getFileName() + " skipped: no PDF of that name");
                continue;
            }
            // tabula's tests each read one page (most of them page 1, us-020 page 2): the CSV is
            // compared with the page it matches best, and other pages' tables are left out
            List<String> cells = csvCells(expected);
            CellMatch.PageScore best = CellMatch.bestPage(byPage(extract(pdf)), cells);
            System.out.println("csv      " + pdf.getFileName() + " page " + best.page() + " " + best.score().line());
            csv = csv.plus(best.score());
            if (tabula != null) {
                tabula.csv(pdf, best, cells);
            }
            documents++;
            for (int turn : QUARTER_TURNS) {
                CellMatch.PageScore turned = CellMatch.bestPage(byPage(extractTurned(pdf, turn)), cells);
                System.out.println("rotated  " + pdf.getFileName() + " +" + turn + " page " + turned.page() + " "
                        + turned.score().line());
                rotated = rotated.plus(turned.score());
            }
        }
        summary("csv", csv, start);
        total = total.plus(csv);
        // not in the totals: the same pages again, only turned
        System.out.printf(Locale.ROOT, "SET rotated %s%n", rotated.line());

        start = System.nanoTime();
        CellMatch.Score icdar = CellMatch.Score.NONE;
        Map<DocumentSplit.Half, CellMatch.Score> halves = new java.util.EnumMap<>(DocumentSplit.Half.class);
        DocumentSplit split = DocumentSplit.read(config.home().resolve(ICDAR_SPLIT));
        for (Path set : directories(root.resolve("icdar2013-dataset"))) {
            for (Path structure : files(set, "-str.xml")) {
                Path pdf = icdarPdf(structure);
                if (!Files.isRegularFile(pdf)) {
                    // eu-009b, us-011b, …: ICDAR's second reading of a document whose PDF is the "a" one
                    System.out.println("icdar    " + structure.getFileName() + " skipped: no PDF of that name");
                    continue;
                }
                Map<Integer, List<String>> expected = icdarCells(structure);
                Map<Integer, List<String>> extracted = byPage(extract(pdf));
                DocumentSplit.Half half = split.halves().get(name(pdf, ".pdf"));
                CellMatch.Score score = CellMatch.Score.NONE;
                for (int page = 1; page <= pages(pdf); page++) {
                    List<String> expectedCells = expected.getOrDefault(page, List.of());
                    CellMatch.Score onPage = CellMatch.compare(extracted.getOrDefault(page, List.of()), expectedCells);
                    score = score.plus(onPage);
                    if (tabula != null) {
                        tabula.icdarPage(pdf, half, page, onPage, expectedCells);
                    }
                }
                System.out.println("icdar    " + pdf.getFileName() + " " + (half == null ? "unsplit" : half.name().toLowerCase(Locale.ROOT))
                        + " " + score.line());
                icdar = icdar.plus(score);
                if (half != null) {
                    halves.merge(half, score, CellMatch.Score::plus);
                }
                documents++;
            }
        }
        summary("icdar2013", icdar, start);
        for (DocumentSplit.Half half : DocumentSplit.Half.values()) {
            System.out.printf(Locale.ROOT, "SET icdar2013-%s %s%n", half.name().toLowerCase(Locale.ROOT),
                    halves.getOrDefault(half, CellMatch.Score.NONE).line());
        }
        total = total.plus(icdar);
        int groundTruthTables = tables;

        int falseTables = -1;
        if (Files.isDirectory(prose)) {
            start = System.nanoTime();
            TablePages truth = TablePages.read(config.home().resolve(PROSE_TABLE_PAGES));
            int pages = 0;
            int found = 0;
            falseTables = 0;
            for (Path pdf : files(prose, ".pdf")) {
                List<PageTable> junk = extract(pdf);
                String document = pdf.getFileName().toString();
                List<Integer> falsePages = junk.stream().map(PageTable::page)
                        .filter(page -> !truth.hasTable(document, page)).toList();
                System.out.println("prose    " + document + " tables=" + junk.size() + " on pages "
                        + junk.stream().map(PageTable::page).distinct().toList()
                        + " false=" + falsePages.size() + " on pages " + falsePages.stream().distinct().toList());
                pages += pages(pdf);
                found += junk.size();
                falseTables += falsePages.size();
                if (tabula != null) {
                    tabula.prose(pdf, junk.stream().map(PageTable::page).toList(), truth);
                }
            }
            System.out.printf(Locale.ROOT, "SET prose tables=%d false_tables=%d pages=%d seconds=%.1f%n",
                    found, falseTables, pages, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "SET all %s%n", total.line());
        if (tabula != null) {
            tabula.print(System.out);
        }
        System.out.printf(Locale.ROOT,
                "RESULT cell_precision=%.3f cell_recall=%.3f icdar_precision=%.3f icdar_recall=%.3f false_tables=%d tables=%d documents=%d%n",
                total.precision(), total.recall(), icdar.precision(), icdar.recall(), falseTables, groundTruthTables, documents);
        return 0;
    }

    /** Every PDF the run reads, in {@code TabulaPdfbox2Process}' JVM, before Docflow reads them here. */
    private TabulaComparison readWithTabula(Path root, Path prose) throws Exception {
        List<Path> pdfs = new ArrayList<>();
        for (Path expected : files(root.resolve("csv"), ".csv")) {
            pdfs.add(csvPdf(root, expected));
        }
        for (Path set : directories(root.resolve("icdar2013-dataset"))) {
            for (Path structure : files(set, "-str.xml")) {
                pdfs.add(icdarPdf(structure));
            }
        }
        pdfs.addAll(files(prose, ".pdf"));
        pdfs.removeIf(pdf -> !Files.isRegularFile(pdf));
        long start = System.nanoTime();
        TabulaTables tables = new TabulaPdfbox2Process(config.home())
                .read(pdfs, config.workDir().resolve("bench-tables").resolve("tabula-pdfbox2.jsonl"));
        System.out.printf(Locale.ROOT, "TABULA read %d PDFs in %.1f s%n", pdfs.size(), (System.nanoTime() - start) / 1e9);
        return new TabulaComparison(tables);
    }

    /** The PDF a CSV of ground truth is about: the one of its name beside {@code csv/}. */
    private static Path csvPdf(Path root, Path csv) {
        return root.resolve(name(csv, ".csv") + ".pdf");
    }

    /** The PDF an ICDAR 2013 structure file is about; eu-009b and the like have none of their own. */
    private static Path icdarPdf(Path structure) {
        return structure.resolveSibling(name(structure, "-str.xml") + ".pdf");
    }

    private List<PageTable> extract(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<PageTable> found = extractor.extract(document, () -> true);
            tables += found.size();
            return found;
        } catch (IOException e) {
            System.out.println("         " + pdf.getFileName() + " could not be read: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The tables of a PDF whose pages are marked turned by {@code turn} degrees more than they
     * are: pages that were upright now show sideways, pages drawn sideways under a {@code /Rotate}
     * now lose it. Not counted in the tables found.
     */
    private List<PageTable> extractTurned(Path pdf, int turn) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                page.setRotation((page.getRotation() + turn) % 360);
            }
            return extractor.extract(document, () -> true);
        } catch (IOException e) {
            System.out.println("         " + pdf.getFileName() + " could not be read: " + e.getMessage());
            return List.of();
        }
    }

    private static int pages(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void summary(String set, CellMatch.Score score, long start) {
        System.out.printf(Locale.ROOT, "SET %s %s seconds=%.1f%n",
                set, score.line(), (System.nanoTime() - start) / 1e9);
    }

    private static Map<Integer, List<String>> byPage(List<PageTable> found) {
        Map<Integer, List<String>> cells = new HashMap<>();
        for (PageTable table : found) {
            List<String> page = cells.computeIfAbsent(table.page(), p -> new ArrayList<>());
            table.rows().forEach(page::addAll);
        }
        return cells;
    }

    private static List<String> csvCells(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv)) {
            List<String> cells = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
                record.forEach(cells::add);
            }
            return cells;
        }
    }

    /** The {@code <content>} of every {@code <cell>}, by the page of its {@code <region>}. */
    private static Map<Integer, List<String>> icdarCells(Path structure) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList regions = factory.newDocumentBuilder().parse(structure.toFile()).getElementsByTagName("region");
        Map<Integer, List<String>> cells = new HashMap<>();
        for (int r = 0; r < regions.getLength(); r++) {
            Element region = (Element) regions.item(r);
            int page = Integer.parseInt(region.getAttribute("page"));
            NodeList contents = region.getElementsByTagName("content");
            for (int c = 0; c < contents.getLength(); c++) {
                cells.computeIfAbsent(page, p -> new ArrayList<>()).add(contents.item(c).getTextContent());
            }
        }
        return cells;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<Path> directories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String name(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }
}
