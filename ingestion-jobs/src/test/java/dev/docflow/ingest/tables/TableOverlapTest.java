package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableOverlapTest {
    private final TableOverlap overlap = new TableOverlap(List.of(List.of(
            List.of("Species", "Sound"),
            List.of("Dog", "Woof"),
            List.of("Cat", "Meow"))));

    @Test
    void rowsReadAsALineAreTableText() {
        assertThat(overlap.isTableText("Species Sound")).isTrue();
        assertThat(overlap.isTableText("Dog Woof Cat Meow")).isTrue();
    }

    @Test
    void proseThatMentionsACellIsNot() {
        assertThat(overlap.isTableText("The dog barks at the cat every morning.")).isFalse();
        assertThat(overlap.isTableText("")).isFalse();
    }

    @Test
    void eachCellWordCoversOneOccurrenceOnly() {
        assertThat(overlap.isTableText("Dog dog dog dog dog")).isFalse();
    }
}
