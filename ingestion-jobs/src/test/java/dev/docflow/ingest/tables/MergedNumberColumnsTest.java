package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MergedNumberColumnsTest {
    @Test
    void aColumnOfFigurePairsUnderASpanningHeaderIsCutInTwo() {
        // us-018: "Actual" spans two school years, and stream mode read them as one column
        List<List<String>> rows = List.of(
                List.of("Region", "Actual"),
                List.of("", "2005–06 2006–07"),
                List.of("Northeast", "2,815,544 2,893,045"),
                List.of("Midwest", "521,015 536,697"),
                List.of("South", "$36,222 –"));

        assertThat(MergedNumberColumns.split(rows)).containsExactly(
                List.of("Region", "Actual", ""),
                List.of("", "2005–06", "2006–07"),
                List.of("Northeast", "2,815,544", "2,893,045"),
                List.of("Midwest", "521,015", "536,697"),
                List.of("South", "$36,222", "–"));
    }

    @Test
    void wordsAndLoneFiguresStayAsTheyAre() {
        List<List<String>> rows = List.of(
                List.of("Family name", "Link functions"),
                List.of("binomial", "logit, probit, log"),
                List.of("poisson 2", "identity, log, sqrt"),
                List.of("Age", "20"));

        assertThat(MergedNumberColumns.split(rows)).isSameAs(rows);
    }

    @Test
    void aFewFigurePairsAmongSingleFiguresAreNoMergedColumn() {
        List<List<String>> rows = List.of(
                List.of("a", "1"), List.of("b", "2"), List.of("c", "3"), List.of("d", "4 5"), List.of("e", "6 7"));

        assertThat(MergedNumberColumns.split(rows)).isSameAs(rows);
    }
}
