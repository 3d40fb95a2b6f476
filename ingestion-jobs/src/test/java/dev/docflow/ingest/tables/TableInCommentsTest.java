package dev.docflow.ingest.tables;

import static dev.docflow.ingest.tables.PageTable.Method.STREAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** R-ints' table of ESS indentation styles, written inside Emacs Lisp comments, and code that is no table. */
class TableInCommentsTest {
    private static final List<List<String>> ESS_STYLES = List.of(
            List.of(";;", "DEF GNU BSD K&R C++", "", "", "", ""),
            List.of(";; ess-indent-level", "2", "2", "8", "5", "4"),
            List.of(";; ess-brace-offset", "0", "0", "-8", "-5", "-4"),
            List.of(";; ess-else-offset", "0", "0", "0", "0", "0"));

    @Test
    void theMarksBeforeEveryRowAreAMargin() {
        assertThat(TableInComments.uncomment(ESS_STYLES)).containsExactly(
                List.of("", "DEF GNU BSD K&R C++", "", "", "", ""),
                List.of("ess-indent-level", "2", "2", "8", "5", "4"),
                List.of("ess-brace-offset", "0", "0", "-8", "-5", "-4"),
                List.of("ess-else-offset", "0", "0", "0", "0", "0"));
    }

    @Test
    void aTableInCommentsIsKept() {
        assertThat(TableFilter.keep(ESS_STYLES, STREAM)).hasValueSatisfying(rows ->
                assertThat(rows).contains(List.of("ess-indent-level", "2", "2", "8", "5", "4")));
    }

    @Test
    void codeWithItsCommentsAlignedKeepsItsMarksAndIsNoTable() {
        List<List<String>> code = List.of(
                List.of("# yf <- as.factor(y)", "# 0.21s"),
                List.of("# DF <- read.table(\"code.dat\")", "# 4.9s"));

        assertThat(TableInComments.uncomment(code)).isSameAs(code);
        assertThat(TableFilter.keep(code, STREAM)).isEmpty();
    }

    @Test
    void marksAloneDownTheFirstColumnAreAMarginBeforeCode() {
        List<List<String>> code = List.of(List.of("#", "x <- rnorm(10)"), List.of("#", "y <- x^2"));

        assertThat(TableInComments.uncomment(code)).isSameAs(code);
        assertThat(TableFilter.keep(code, STREAM)).isEmpty();
    }

    @Test
    void rowsBehindDifferentMarksOrNoneAreLeftAlone() {
        List<List<String>> mixed = List.of(List.of(";; width", "2"), List.of("# height", "4"));
        List<List<String>> table = List.of(List.of("# of items", "12"), List.of("Total", "30"));

        assertThat(TableInComments.uncomment(mixed)).isSameAs(mixed);
        assertThat(TableInComments.uncomment(table)).isSameAs(table);
    }
}
