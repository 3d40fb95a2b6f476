package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageKindTallyTest {
    @Test
    void eachPageCountsInEverySetItBelongsToUnderItsKind() {
        PageKindTally tally = new PageKindTally();
        tally.add(List.of("csv", "all"), PageKind.RULED,
                Map.of("docflow", new CellMatch.Score(10, 10, 9), "tabula-lattice", new CellMatch.Score(10, 10, 10)));
        tally.add(List.of("icdar2013", "all"), PageKind.UNRULED,
                Map.of("docflow", new CellMatch.Score(5, 4, 4), "tabula-lattice", new CellMatch.Score(0, 4, 0)));
        tally.add(List.of("icdar2013", "all"), PageKind.RULED,
                Map.of("docflow", new CellMatch.Score(2, 0, 0), "tabula-lattice", new CellMatch.Score(0, 0, 0)));

        assertThat(tally.score("all", "docflow")).isEqualTo(new CellMatch.Score(17, 14, 13));
        assertThat(tally.score("all", PageKind.RULED, "docflow")).isEqualTo(new CellMatch.Score(12, 10, 9));
        assertThat(tally.score("all", PageKind.RULED, "tabula-lattice")).isEqualTo(new CellMatch.Score(10, 10, 10));
        assertThat(tally.score("icdar2013", PageKind.UNRULED, "tabula-lattice")).isEqualTo(new CellMatch.Score(0, 4, 0));
        assertThat(tally.score("csv", PageKind.UNRULED, "docflow")).isEqualTo(CellMatch.Score.NONE);
        assertThat(tally.pages("all")).isEqualTo(3);
        assertThat(tally.pages("all", PageKind.RULED)).isEqualTo(2);
        assertThat(tally.pages("icdar2013", PageKind.UNRULED)).isEqualTo(1);
        assertThat(tally.pages("csv", PageKind.UNREAD)).isZero();
    }
}
