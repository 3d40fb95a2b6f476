package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.tables.UnruledBody.CellLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnruledBodyTest {
    private static final CellLayout WORD = new CellLayout(1, 1, 1);

    @Test
    void aRuledTableWithOneLineCellsKeepsItsRulings() {
        assertThat(UnruledBody.lacksRulings(List.of(List.of(WORD, WORD, WORD), List.of(WORD, WORD, WORD)))).isFalse();
    }

    @Test
    void aWrappedDescriptionAmongShortCellsIsOneCell() {
        CellLayout description = new CellLayout(5, 1, 5);
        assertThat(UnruledBody.lacksRulings(List.of(
                List.of(WORD, description), List.of(WORD, description), List.of(WORD, WORD)))).isFalse();
    }

    @Test
    void unruledRowsStackedInTallCellsAcrossARowLackRulings() {
        // us-001: a rule under the header, then 24 rows per cell in every column
        CellLayout column = new CellLayout(24, 1, 24);
        assertThat(UnruledBody.lacksRulings(List.of(
                List.of(WORD, WORD, WORD), List.of(column, column, column)))).isTrue();
    }

    @Test
    void unruledColumnsRunTogetherInWideCellsLackRulings() {
        // eu-018: "25g1090.9931.1891.1----" under a header of twelve ruled columns
        CellLayout columns = new CellLayout(1, 11, 11);
        assertThat(UnruledBody.lacksRulings(List.of(
                List.of(WORD, WORD, WORD, WORD), List.of(WORD, columns), List.of(WORD, columns), List.of(WORD, columns)))).isTrue();
    }

    @Test
    void anEmptyTableKeepsItsRulings() {
        assertThat(UnruledBody.lacksRulings(List.of(List.of(CellLayout.EMPTY)))).isFalse();
    }
}
