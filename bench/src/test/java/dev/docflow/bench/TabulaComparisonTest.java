package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabulaComparisonTest {
    @TempDir
    Path folder;

    @Test
    void eachExtractorIsScoredOnTheSamePagesAndCountedUnderTheirKind() throws IOException {
        Path csvPdf = folder.resolve("two-pages.pdf");
        Path icdarPdf = folder.resolve("eu-001.pdf");
        Path manual = folder.resolve("R-intro.pdf");
        Files.writeString(folder.resolve("truth.tsv"), "R-intro.pdf\t5\treal table\n");
        Files.write(folder.resolve("tabula.jsonl"), List.of(
                "{\"variants\":[\"tabula-stream\"],\"pdfbox\":\"2.0.24\"}",
                page(csvPdf, 1, true), page(csvPdf, 2, false),
                // tabula's best page for the CSV is page 2, Docflow's page 1: the kind is Docflow's page's
                table(csvPdf, 2, "[[\"a\",\"b\"],[\"c\",\"x\"]]"),
                page(icdarPdf, 1, false),
                table(icdarPdf, 1, "[[\"1\",\"2\"]]"),
                page(manual, 5, false), page(manual, 6, false),
                table(manual, 5, "[[\"p\"]]"), table(manual, 6, "[[\"q\"]]"), table(manual, 6, "[[\"r\"]]")));
        TabulaComparison comparison = new TabulaComparison(TabulaTables.read(folder.resolve("tabula.jsonl")));

        comparison.csv(csvPdf, new CellMatch.PageScore(1, new CellMatch.Score(4, 4, 4)), List.of("a", "b", "c", "d"));
        comparison.icdarPage(icdarPdf, DocumentSplit.Half.TEST, 1, new CellMatch.Score(2, 2, 1), List.of("1", "3"));
        comparison.prose(manual, List.of(5), TablePages.read(folder.resolve("truth.tsv")));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        comparison.print(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).contains(
                "SET csv tabula-stream precision=0.750 recall=0.750 cells extracted=4 expected=4 matched=3",
                "SET icdar2013-test tabula-stream precision=0.500 recall=0.500 cells extracted=2 expected=2 matched=1",
                "SET icdar2013-tuning tabula-stream precision=1.000 recall=1.000 cells extracted=0 expected=0 matched=0",
                "SET all tabula-stream precision=0.667 recall=0.667 cells extracted=6 expected=6 matched=4",
                "SET prose tabula-stream tables=3 false_tables=2",
                "PAGEKIND all ruled pages=1 docflow precision=1.000 recall=1.000 cells extracted=4 expected=4 matched=4 f1=1.000",
                "PAGEKIND all ruled pages=1 tabula-stream precision=0.750 recall=0.750 cells extracted=4 expected=4 matched=3 f1=0.750",
                "PAGEKIND all unruled pages=1 docflow precision=0.500 recall=0.500 cells extracted=2 expected=2 matched=1 f1=0.500",
                "| all, ruled pages | 1 | 1.000 / 1.000 | 0.750 / 0.750 |",
                "| prose: tables (false) |  | 1 (0) | 3 (2) |");
    }

    @Test
    void f1IsTheHarmonicMeanAndZeroWhenNothingMatched() {
        assertThat(TabulaComparison.f1(new CellMatch.Score(4, 2, 1))).isEqualTo(2 * 0.25 * 0.5 / 0.75);
        assertThat(TabulaComparison.f1(new CellMatch.Score(3, 3, 0))).isZero();
    }

    private static String page(Path pdf, int page, boolean ruled) {
        return "{\"file\":\"" + TabulaTables.key(pdf) + "\",\"page\":" + page + ",\"ruled\":" + ruled + "}";
    }

    private static String table(Path pdf, int page, String rows) {
        return "{\"file\":\"" + TabulaTables.key(pdf) + "\",\"page\":" + page + ",\"variant\":\"tabula-stream\",\"rows\":" + rows + "}";
    }
}
