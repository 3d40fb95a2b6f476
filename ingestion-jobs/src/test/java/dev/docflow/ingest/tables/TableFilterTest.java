package dev.docflow.ingest.tables;

import static dev.docflow.ingest.tables.PageTable.Method.LATTICE;
import static dev.docflow.ingest.tables.PageTable.Method.STREAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {
    @Test
    void cellsAreTidiedAndEmptyRowsAndColumnsDropped() {
        List<List<String>> raw = List.of(
                List.of("", "Name", "", "Amount\r($USD)"),
                List.of("", "", "", ""),
                List.of("", "  AALAEI,\u00A0BEHZAD ", "", "$51.24"),
                List.of("", "TOTAL"));

        assertThat(TableFilter.keep(raw, STREAM)).contains(List.of(
                List.of("Name", "Amount ($USD)"),
                List.of("AALAEI, BEHZAD", "$51.24"),
                List.of("TOTAL", "")));
    }

    @Test
    void aSingleRowOrColumnIsNoTable() {
        assertThat(TableFilter.keep(List.of(List.of("Cat", "Says", "Meow"), List.of("", "", "")), STREAM)).isEmpty();
        assertThat(TableFilter.keep(List.of(List.of("Cat", ""), List.of("Fox", ""), List.of("Dog", "")), STREAM)).isEmpty();
        assertThat(TableFilter.keep(List.of(), STREAM)).isEmpty();
    }

    @Test
    void aParagraphCutIntoColumnsIsNoTable() {
        List<List<String>> raw = List.of(
                List.of("The entities R operates on are technically known as", "objects. Examples are vectors"),
                List.of("of numeric (real) or complex values, vectors of logical", "values and vectors of"),
                List.of("character strings. These are known as atomic structures", "since their components"));

        assertThat(TableFilter.keep(raw, STREAM)).isEmpty();
    }

    @Test
    void aRuledTableMayHoldLongText() {
        List<List<String>> raw = List.of(
                List.of("Type", "Description"),
                List.of("Likert scale", "An ordered set of discrete terms or statements from which patients are asked to choose"),
                List.of("Rating scale", "A set of numerical categories from which patients are asked to choose the category"));

        assertThat(TableFilter.keep(raw, LATTICE)).hasValue(raw);
        assertThat(TableFilter.keep(raw, STREAM)).isEmpty();
    }

    @Test
    void bulletedProseIsNoTable() {
        List<List<String>> raw = List.of(
                List.of("•", "the facility falls under at least one of the 65 E-PRTR economic activities."),
                List.of("•", "the facility has a capacity exceeding at least one of the E-PRTR capacity"),
                List.of("•", "the facility releases pollutants or transfers waste off-site which exceed"));

        assertThat(TableFilter.keep(raw, STREAM)).isEmpty();
    }

    @Test
    void aTableWithAFewLongCellsIsKept() {
        List<List<String>> raw = List.of(
                List.of("Pollutant", "to air", "to water"),
                List.of("Carbon dioxide (CO2)", "100 million", "-"),
                List.of("Chlorine and inorganic compounds, reported as hydrogen chloride (HCl)", "10 000", "-"),
                List.of("Methane (CH4)", "100 000", "-"));

        assertThat(TableFilter.keep(raw, STREAM)).hasValueSatisfying(rows -> assertThat(rows).hasSize(4));
    }

    @Test
    void cellTextIsOneLine() {
        assertThat(TableFilter.cellText(" to air\r\nkg/year\t ")).isEqualTo("to air kg/year");
        assertThat(TableFilter.cellText(null)).isEmpty();
    }
}
