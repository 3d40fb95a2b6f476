package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrappedLinesTest {
    @Test
    void aLabelWrappedOntoASecondLineIsOneCell() {
        // eu-021: each label's second line ruled as a row of its own
        List<List<String>> rows = List.of(
                List.of("Treatment/Therapy", "Suffered", "Followed"),
                List.of("", "from", "treatment"),
                List.of("Chronic fatigue", "19", "4"),
                List.of("syndrome", "", ""),
                List.of("Depression", "48", "12"));

        assertThat(WrappedLines.join(rows)).containsExactly(
                List.of("Treatment/Therapy", "Suffered from", "Followed treatment"),
                List.of("Chronic fatigue syndrome", "19", "4"),
                List.of("Depression", "48", "12"));
    }

    @Test
    void descriptionsWrappedOverSeveralLinesAreOneCellEach() {
        // us-032
        List<List<String>> rows = List.of(
                List.of("Stationary:", "", ""),
                List.of("Major", "Emissions of 10 tons per year or", "Utilities, refineries, steel"),
                List.of("", "more of any one air toxic, or 25", "manufacturers, chemical"),
                List.of("", "combination of air toxics", ""),
                List.of("Area", "Emissions of less", "Dry cleaners"));

        assertThat(WrappedLines.join(rows)).containsExactly(
                List.of("Stationary:", "", ""),
                List.of("Major", "Emissions of 10 tons per year or more of any one air toxic, or 25 combination of air toxics",
                        "Utilities, refineries, steel manufacturers, chemical"),
                List.of("Area", "Emissions of less", "Dry cleaners"));
    }

    @Test
    void recordsInLowerCaseAreRowsOfTheirOwn() {
        // R-exts: the C types of R's modes, every row as full as the one above
        List<List<String>> rows = List.of(
                List.of("character", "char **", "CHARACTER(255)"),
                List.of("raw", "unsigned char *", "none"));

        assertThat(WrappedLines.join(rows)).isEqualTo(rows);
    }

    @Test
    void aRowOpeningAColumnOrHoldingAFigureOrACapitalIsARowOfItsOwn() {
        List<List<String>> rows = List.of(
                List.of("Men", "11.0", ""),
                List.of("", "", "total"),
                List.of("", "women 6.6", ""),
                List.of("", "Women", ""));

        assertThat(WrappedLines.join(rows)).isEqualTo(rows);
    }
}
