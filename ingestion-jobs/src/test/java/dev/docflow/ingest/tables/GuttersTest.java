package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.tables.Gutters.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuttersTest {
    @Test
    void findsTheChannelsBetweenColumnsAndTheGutterBesideProse() {
        List<Span> spans = new ArrayList<>();
        for (int line = 0; line < 10; line++) {
            spans.add(new Span(40, 100));   // the table's first column
            spans.add(new Span(120, 160));  // its second
            spans.add(new Span(200, 500));  // the column of prose beside it
        }
        assertThat(Gutters.find(spans, 10)).containsExactly(110.0, 180.0);
    }

    @Test
    void narrowGapsAreNoChannels() {
        assertThat(Gutters.find(List.of(new Span(0, 50), new Span(53, 90)), 10)).isEmpty();
    }

    @Test
    void aFewRunsJoinedAcrossTheGutterDoNotCloseIt() {
        List<Span> spans = new ArrayList<>();
        for (int line = 0; line < 60; line++) {
            spans.add(new Span(40, 300));
            spans.add(new Span(320, 580));
        }
        spans.add(new Span(40, 400)); // "cmf-icd10.html. Massachusetts": a row and the prose beside it as one run
        assertThat(Gutters.find(spans, 10)).containsExactly(310.0);
    }

    @Test
    void noTextNoChannels() {
        assertThat(Gutters.find(List.of(), 10)).isEmpty();
    }
}
