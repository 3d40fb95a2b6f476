package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatCoverageTest {

    @Test
    void countsFilesPerExtensionAndFailuresByReason() {
        FormatCoverage coverage = new FormatCoverage();
        coverage.add("pdf/a.pdf", "indexed", null);
        coverage.add("pdf/B.PDF", "failed", "encrypted");
        coverage.add("pdf/c.pdf", "failed", "encrypted");
        coverage.add("zip/d.zip", "failed", "too_deep");
        coverage.add("README", "indexed", null);

        FormatCoverage.Row pdf = coverage.rows().get("pdf");
        assertThat(pdf.files()).isEqualTo(3);
        assertThat(pdf.indexed()).isEqualTo(1);
        assertThat(pdf.failedByReason()).containsEntry("encrypted", 2);
        assertThat(coverage.rows()).containsKeys("zip", "(none)");
        assertThat(coverage.files()).isEqualTo(5);
        assertThat(coverage.indexed()).isEqualTo(2);
        assertThat(coverage.failed()).isEqualTo(3);
        assertThat(coverage.unexplained()).isEmpty();
    }

    @Test
    void unfinishedDocumentsAndFailuresWithoutAUsableReasonAreUnexplained() {
        FormatCoverage coverage = new FormatCoverage();
        coverage.add("a.docx", "processing", null);
        coverage.add("b.docx", "failed", "internal_error");
        coverage.add("c.docx", "failed", " ");
        coverage.add("d.docx", "failed", "corrupt");

        assertThat(coverage.unexplained()).containsExactly(
                "a.docx: not finished (processing)", "b.docx: internal_error", "c.docx: no reason");
        assertThat(coverage.failed()).isEqualTo(4);
    }

    @Test
    void rendersOneColumnPerReasonAndATotalLine() {
        FormatCoverage coverage = new FormatCoverage();
        coverage.add("a.pdf", "indexed", null);
        coverage.add("b.pdf", "failed", "corrupt");
        coverage.add("c.png", "failed", "unsupported");

        assertThat(coverage.render(true)).isEqualTo("""
                | extension | files | indexed | failed | corrupt | unsupported |
                |---|---|---|---|---|---|
                | pdf | 2 | 1 | 1 | 1 |  |
                | png | 1 | 0 | 1 |  | 1 |
                | total | 3 | 1 | 2 | 1 | 1 |
                """);
        assertThat(coverage.render(false).lines().toList().get(3)).startsWith("total").contains("3", "2");
    }
}
