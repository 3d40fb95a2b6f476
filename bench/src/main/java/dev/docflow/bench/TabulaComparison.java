package dev.docflow.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Docflow's tables side by side with tabula's own on PDFBox 2 ({@link TabulaTables}), over the
 * same pages and with the same {@link CellMatch} scoring as the bench's figures: per set, per
 * {@link PageKind} (tabula's view of the page) and, on the prose PDFs, the false tables.
 */
final class TabulaComparison {
    static final String DOCFLOW = "docflow";
    static final String ALL = "all";
    private static final List<String> SETS = List.of("csv", "icdar2013", "icdar2013-tuning", "icdar2013-test", ALL);
    private static final List<PageKind> KINDS = List.of(PageKind.RULED, PageKind.UNRULED, PageKind.UNREAD);

    /** Tables found on the prose PDFs, and how many of them on pages without a real table. */
    private record ProseCount(int tables, int falseTables) {
        ProseCount plus(ProseCount other) {
            return new ProseCount(tables + other.tables, falseTables + other.falseTables);
        }
    }

    private final TabulaTables tabula;
    private final PageKindTally tally = new PageKindTally();
    private final Map<String, ProseCount> prose = new LinkedHashMap<>();

    TabulaComparison(TabulaTables tabula) {
        this.tabula = tabula;
    }

    /**
     * A CSV of one page of {@code pdf}: each tabula variant is compared on the page it matches
     * best, as Docflow is; the page's kind is that of Docflow's page, so every extractor counts
     * the CSV's cells under the same kind.
     */
    void csv(Path pdf, CellMatch.PageScore docflow, List<String> expected) {
        Map<String, CellMatch.Score> scores = new LinkedHashMap<>();
        scores.put(DOCFLOW, docflow.score());
        for (String variant : tabula.variants()) {
            scores.put(variant, CellMatch.bestPage(tabula.cellsByPage(pdf, variant), expected).score());
        }
        tally.add(List.of("csv", ALL), tabula.kind(pdf, docflow.page()), scores);
    }

    /** One page of an ICDAR 2013 document, of the split's {@code half} (null: in neither half). */
    void icdarPage(Path pdf, DocumentSplit.Half half, int page, CellMatch.Score docflow, List<String> expected) {
        Map<String, CellMatch.Score> scores = new LinkedHashMap<>();
        scores.put(DOCFLOW, docflow);
        for (String variant : tabula.variants()) {
            scores.put(variant, CellMatch.compare(tabula.cellsByPage(pdf, variant).getOrDefault(page, List.of()), expected));
        }
        List<String> sets = new ArrayList<>(List.of("icdar2013", ALL));
        if (half != null) {
            sets.add("icdar2013-" + half.name().toLowerCase(Locale.ROOT));
        }
        tally.add(sets, tabula.kind(pdf, page), scores);
    }

    /** A PDF of running text: Docflow's tables on it are on {@code docflowPages}, one entry a table. */
    void prose(Path pdf, List<Integer> docflowPages, TablePages truth) {
        String document = pdf.getFileName().toString();
        prose.merge(DOCFLOW, count(docflowPages, document, truth), ProseCount::plus);
        for (String variant : tabula.variants()) {
            List<Integer> pages = tabula.tables(pdf, variant).stream().map(TabulaTables.Found::page).toList();
            prose.merge(variant, count(pages, document, truth), ProseCount::plus);
        }
    }

    private static ProseCount count(List<Integer> tablePages, String document, TablePages truth) {
        return new ProseCount(tablePages.size(), (int) tablePages.stream().filter(page -> !truth.hasTable(document, page)).count());
    }

    void print(PrintStream out) {
        List<String> extractors = new ArrayList<>(List.of(DOCFLOW));
        extractors.addAll(tabula.variants());
        out.printf(Locale.ROOT, "TABULA tabula-java on PDFBox %s (%s, a JVM of its own): %d pages read, %d failed%n",
                tabula.pdfbox(), TabulaPdfbox2Process.MODULE, tabula.pages(), tabula.errors().size());
        tabula.errors().forEach(error -> out.println("TABULA failed " + error));
        for (String set : SETS) {
            for (String variant : tabula.variants()) {
                out.printf(Locale.ROOT, "SET %s %s %s%n", set, variant, tally.score(set, variant).line());
            }
        }
        prose.forEach((extractor, count) -> {
            if (!extractor.equals(DOCFLOW)) {
                out.printf(Locale.ROOT, "SET prose %s tables=%d false_tables=%d%n", extractor, count.tables(), count.falseTables());
            }
        });
        for (String set : SETS) {
            for (PageKind kind : KINDS) {
                if (tally.pages(set, kind) > 0) {
                    for (String extractor : extractors) {
                        CellMatch.Score score = tally.score(set, kind, extractor);
                        out.printf(Locale.ROOT, "PAGEKIND %s %s pages=%d %s %s f1=%.3f%n",
                                set, kind.label(), tally.pages(set, kind), extractor, score.line(), f1(score));
                    }
                }
            }
        }
        printTable(out, extractors);
    }

    /** The figures as one Markdown table (precision / recall; the README's comparison). */
    private void printTable(PrintStream out, List<String> extractors) {
        out.println("| set | pages | " + String.join(" | ", extractors) + " |");
        out.println("|---|---:|" + "---|".repeat(extractors.size()));
        for (String set : SETS) {
            row(out, set, tally.pages(set), extractors.stream().map(e -> pair(tally.score(set, e))).toList());
        }
        for (PageKind kind : KINDS) {
            if (tally.pages(ALL, kind) > 0) {
                row(out, "all, " + kind.label() + " pages", tally.pages(ALL, kind),
                        extractors.stream().map(e -> pair(tally.score(ALL, kind, e))).toList());
                out.println("| ↳ F1 |  | " + String.join(" | ", extractors.stream()
                        .map(e -> String.format(Locale.ROOT, "%.3f", f1(tally.score(ALL, kind, e)))).toList()) + " |");
            }
        }
        if (!prose.isEmpty()) {
            row(out, "prose: tables (false)", -1, extractors.stream().map(e -> {
                ProseCount count = prose.getOrDefault(e, new ProseCount(0, 0));
                return count.tables() + " (" + count.falseTables() + ")";
            }).toList());
        }
    }

    private static void row(PrintStream out, String label, int pages, List<String> cells) {
        out.println("| " + label + " | " + (pages < 0 ? "" : pages) + " | " + String.join(" | ", cells) + " |");
    }

    private static String pair(CellMatch.Score score) {
        return String.format(Locale.ROOT, "%.3f / %.3f", score.precision(), score.recall());
    }

    /** The harmonic mean of precision and recall: one figure to say which extractor wins a kind. */
    static double f1(CellMatch.Score score) {
        double p = score.precision();
        double r = score.recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
