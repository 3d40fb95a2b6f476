package dev.docflow.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationMarkersTest {

    @Test
    void validMarkersPassUnchangedInEveryForm() {
        CitationMarkers markers = CitationMarkers.check("A [1]. B [2, 3]. C [1][3]. D [2,3].", 3);

        assertThat(markers.text()).isEqualTo("A [1]. B [2, 3]. C [1][3]. D [2,3].");
        assertThat(markers.cited()).containsExactly(1, 2, 3);
        assertThat(markers.warnings()).isEmpty();
    }

    @Test
    void aMarkerOfNoPassageIsRemovedWithTheSpaceBeforeItAndReported() {
        CitationMarkers markers = CitationMarkers.check("It saves the file [7]. It reads it [1].", 5);

        assertThat(markers.text()).isEqualTo("It saves the file. It reads it [1].");
        assertThat(markers.cited()).containsExactly(1);
        assertThat(markers.warnings()).containsExactly("removed citation [7]: the answer was given 5 passages");
    }

    @Test
    void aGroupKeepsItsValidNumbers() {
        assertThat(CitationMarkers.check("Yes [1, 7].", 2).text()).isEqualTo("Yes [1].");
        assertThat(CitationMarkers.check("Yes [7][2].", 2).text()).isEqualTo("Yes [2].");
        assertThat(CitationMarkers.check("Yes [3, 2, 9, 1].", 2).text()).isEqualTo("Yes [2, 1].");
        assertThat(CitationMarkers.check("Yes [7][8]. No [9] more [1]", 2).text()).isEqualTo("Yes. No more [1]");
    }

    @Test
    void zeroAndHugeNumbersAreNoPassages() {
        CitationMarkers markers = CitationMarkers.check("A [0]. B [12345678901]. C [1].", 1);

        assertThat(markers.text()).isEqualTo("A. B. C [1].");
        assertThat(markers.warnings()).containsExactly(
                "removed citation [0]: the answer was given 1 passage",
                "removed citation [12345678901]: the answer was given 1 passage");
    }

    @Test
    void eachRemovedNumberIsReportedOnce() {
        assertThat(CitationMarkers.check("A [4]. B [4]. C [1].", 3).warnings())
                .containsExactly("removed citation [4]: the answer was given 3 passages");
    }

    @Test
    void anAnswerThatCitesNothingValidSaysSo() {
        assertThat(CitationMarkers.check("R reads SAS files.", 3).warnings()).containsExactly("the answer cites no passage");
        assertThat(CitationMarkers.check("R reads SAS files [8].", 3).warnings()).containsExactly(
                "removed citation [8]: the answer was given 3 passages", "the answer cites no passage");
    }

    @Test
    void bracketsThatAreNoMarkersAreText() {
        String text = "x[i] = y; see [Section 2], [docs](http://r.org), [ ], [], [,], [1 2], [1,] and [a, 1].";

        CitationMarkers markers = CitationMarkers.check(text, 3);

        assertThat(markers.text()).isEqualTo(text);
        assertThat(markers.warnings()).containsExactly("the answer cites no passage");
    }

    @Test
    void aLineBreakBeforeARemovedMarkerStays() {
        assertThat(CitationMarkers.check("First.\n\n[9] Second [1].", 1).text()).isEqualTo("First.\n\n Second [1].");
    }

    @Test
    void anUnclosedMarkerAtTheEndIsText() {
        CitationMarkers markers = new CitationMarkers(3);

        assertThat(markers.accept("It reads it [1")).isEqualTo("It reads it");
        assertThat(markers.finish()).isEqualTo(" [1");
        assertThat(markers.text()).isEqualTo("It reads it [1");
        assertThat(markers.cited()).isEmpty();
    }

    @Test
    void aVeryLongBracketIsTextAndIsNotHeldForever() {
        String numbers = "1, ".repeat(CitationMarkers.MAX_MARKER_CHARS);
        CitationMarkers markers = new CitationMarkers(3);

        String passed = markers.accept("see [" + numbers);

        assertThat(passed).startsWith("see [1, 1, ");
        assertThat(passed.length()).isGreaterThan(numbers.length() - CitationMarkers.MAX_MARKER_CHARS);
    }

    @Test
    void onlyAPossibleMarkerAndTheSpaceBeforeItAreHeldBack() {
        CitationMarkers markers = new CitationMarkers(3);

        assertThat(markers.accept("Use read.xport")).isEqualTo("Use read.xport");
        assertThat(markers.accept(" [")).isEmpty();
        assertThat(markers.accept("1")).isEmpty();
        assertThat(markers.accept("], then")).isEqualTo(" [1], then");
        assertThat(markers.accept(" [9")).isEmpty();
        assertThat(markers.accept("] done")).isEqualTo(" done");
        assertThat(markers.accept(" [x")).isEqualTo(" [x");
        assertThat(markers.finish()).isEmpty();
        assertThat(markers.text()).isEqualTo("Use read.xport [1], then done [x");
    }

    @Test
    void splittingTheStreamAnywhereGivesTheSameTextAsCheckingItWhole() {
        String reply = "R reads SAS [1] and SPSS [2, 9][3]. Not [12]. See [a] or [4]\n\n[1] x[i] [ 2 ] end [3";
        CitationMarkers whole = CitationMarkers.check(reply, 3);
        assertThat(whole.text()).isEqualTo("R reads SAS [1] and SPSS [2][3]. Not. See [a] or\n\n[1] x[i] [ 2 ] end [3");

        for (int cut = 0; cut <= reply.length(); cut++) {
            for (int secondCut = cut; secondCut <= reply.length(); secondCut += 3) {
                List<String> pieces = List.of(reply.substring(0, cut), reply.substring(cut, secondCut), reply.substring(secondCut));
                CitationMarkers streamed = new CitationMarkers(3);
                List<String> passed = new ArrayList<>();
                pieces.forEach(piece -> passed.add(streamed.accept(piece)));
                passed.add(streamed.finish());

                assertThat(String.join("", passed)).as("cut at %d and %d", cut, secondCut).isEqualTo(whole.text());
                assertThat(passed).noneMatch(piece -> piece.contains("[9]") || piece.contains("[12]") || piece.contains("[4]"));
                assertThat(streamed.cited()).isEqualTo(whole.cited());
                assertThat(streamed.warnings()).isEqualTo(whole.warnings());
            }
        }
    }

    @Test
    void characterByCharacterToo() {
        String reply = "A [1, 4]. B [2][5].";
        CitationMarkers markers = new CitationMarkers(2);
        StringBuilder passed = new StringBuilder();
        reply.chars().forEach(c -> passed.append(markers.accept(Character.toString(c))));
        passed.append(markers.finish());

        assertThat(passed).hasToString("A [1]. B [2].");
        assertThat(markers.warnings()).containsExactly(
                "removed citation [4]: the answer was given 2 passages", "removed citation [5]: the answer was given 2 passages");
    }

    @Test
    void nothingIsTakenAfterTheEnd() {
        CitationMarkers markers = new CitationMarkers(1);
        markers.finish();

        assertThatThrownBy(() -> markers.accept("more")).isInstanceOf(IllegalStateException.class);
        assertThat(markers.finish()).isEmpty();
    }
}
