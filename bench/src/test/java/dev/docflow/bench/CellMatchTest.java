package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellMatchTest {
    @Test
    void cellsMatchIgnoringCaseLineBreaksAndPosition() {
        CellMatch.Score score = CellMatch.compare(
                List.of("Carbon  dioxide", "100 MILLION", "to air\rkg/year"),
                List.of("to air\nkg/year", "carbon dioxide", "100 million"));

        assertThat(score).isEqualTo(new CellMatch.Score(3, 3, 3));
        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
    }

    @Test
    void repeatedCellsMatchOnlyAsOftenAsTheyAreExpected() {
        CellMatch.Score score = CellMatch.compare(List.of("-", "-", "-", "50"), List.of("-", "-", "10"));

        assertThat(score).isEqualTo(new CellMatch.Score(4, 3, 2));
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.recall()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void emptyCellsCountOnNeitherSide() {
        assertThat(CellMatch.compare(List.of("", " ", "a"), List.of("a", "\n"))).isEqualTo(new CellMatch.Score(1, 1, 1));
    }

    @Test
    void documentsAreMicroAveraged() {
        CellMatch.Score total = CellMatch.compare(List.of("a"), List.of("a")).plus(CellMatch.compare(List.of("x", "y", "z"), List.of("b")));

        assertThat(total).isEqualTo(new CellMatch.Score(4, 2, 1));
        assertThat(total.precision()).isEqualTo(0.25);
        assertThat(total.recall()).isEqualTo(0.5);
    }

    @Test
    void nothingExtractedFromATablelessPageIsNoError() {
        CellMatch.Score score = CellMatch.compare(List.of(), List.of());

        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
    }

    @Test
    void theBestPageIsTheOneWithTheMostMatchedCellsAndPageOneWhenNoneMatches() {
        List<String> expected = List.of("a", "b", "c");

        assertThat(CellMatch.bestPage(java.util.Map.of(1, List.of("a"), 2, List.of("a", "b", "x"), 3, List.of("b")), expected))
                .isEqualTo(new CellMatch.PageScore(2, new CellMatch.Score(3, 3, 2)));
        assertThat(CellMatch.bestPage(java.util.Map.of(2, List.of("x")), expected))
                .isEqualTo(new CellMatch.PageScore(1, new CellMatch.Score(0, 3, 0)));
    }
}
