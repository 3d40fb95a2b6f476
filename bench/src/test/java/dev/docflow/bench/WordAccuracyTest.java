package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordAccuracyTest {
    @Test
    void identicalTextIsPerfect() {
        assertThat(WordAccuracy.of("The quick brown fox.", "The quick brown fox.")).isEqualTo(1.0);
    }

    @Test
    void caseAndPunctuationAndLigaturesDoNotCount() {
        assertThat(WordAccuracy.of("See ‘read.table’, the ﬁrst one;", "see 'read.table' The first one"))
                .isEqualTo(1.0);
    }

    @Test
    void dotLeadersAreDroppedOnBothSides() {
        String toc = "1 Introduction . . . . . . . . . . 5\n2 Spreadsheet-like data .............. 7";
        String read = "1 Introduction ........ . .. 5\n2 Spreadsheet-like data ....... ... 7";

        assertThat(WordAccuracy.words(toc)).containsExactly("1", "introduction", "5", "2", "spreadsheet", "like", "data", "7");
        assertThat(WordAccuracy.of(toc, read)).isEqualTo(1.0);
    }

    @Test
    void punctuationSeparatesWordsSoSpacingInCodeDoesNotCount() {
        assertThat(WordAccuracy.of("SEXP R_tryCatchError(SEXP (*fun)(void *data),", "SEXP R_tryCatchError( SEXP (*fun) (void *data),"))
                .isEqualTo(1.0);
        assertThat(WordAccuracy.words("https://en.wikipedia.org/wiki/ISO_639-1"))
                .containsExactly("https", "en", "wikipedia", "org", "wiki", "iso", "639", "1");
    }

    @Test
    void contentsAndIndexPagesAreRecognisedByTheirLeaders() {
        assertThat(WordAccuracy.isLeaderPage("""
                Function and variable index 75
                UseMethod . . . . . . . . . . . . . . . . 11
                vmaxget . . . . . . . . . . . . . . . . . 21
                warning . . . . . . . . . . . . . . . . . 18
                """)).isTrue();
        assertThat(WordAccuracy.isLeaderPage("Use R... carefully. Then wait... and see.\nThe end.")).isFalse();
    }

    @Test
    void aMisreadDroppedAndInsertedWordEachCountOnce() {
        List<String> reference = WordAccuracy.words("one two three four five six seven eight nine ten");
        List<String> read = WordAccuracy.words("one tw0 three five six seven extra eight nine ten");

        assertThat(WordAccuracy.edits(reference, read)).isEqualTo(3);
        assertThat(WordAccuracy.of("one two three four five six seven eight nine ten",
                "one tw0 three five six seven extra eight nine ten")).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void readingNothingScoresZeroAndNeverBelow() {
        assertThat(WordAccuracy.of("some words here", "")).isZero();
        assertThat(WordAccuracy.of("word", "many many many other words")).isZero();
        assertThat(WordAccuracy.of("", "")).isEqualTo(1.0);
    }
}
