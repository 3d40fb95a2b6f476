package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableCaptionTest {

    @Test
    void titleRowsAboveTheHeaderBecomeTheCaption() {
        TableCaption.Split split = TableCaption.split(List.of(
                List.of("DISCLOSURE REPORT", "", ""),
                List.of("", "Calendar Year - 2012", ""),
                List.of("Physician", "City", "Amount"),
                List.of("AALAEI, BEHZAD", "HIGHLAND, IN", "$51.24")));

        assertThat(split.caption()).containsExactly("DISCLOSURE REPORT", "Calendar Year - 2012");
        assertThat(split.rows()).hasSize(2).first().isEqualTo(List.of("Physician", "City", "Amount"));
    }

    @Test
    void aTableWithoutTitleRowsIsLeftAlone() {
        List<List<String>> rows = List.of(List.of("a", "b"), List.of("", "2"), List.of("3", "4"));

        assertThat(TableCaption.split(rows).caption()).isEmpty();
        assertThat(TableCaption.split(rows).rows()).isEqualTo(rows);
    }

    @Test
    void aHeaderAndOneRowAreAlwaysKept() {
        List<List<String>> rows = List.of(List.of("Total", ""), List.of("", "42"));

        assertThat(TableCaption.split(rows).rows()).isEqualTo(rows);
    }
}
