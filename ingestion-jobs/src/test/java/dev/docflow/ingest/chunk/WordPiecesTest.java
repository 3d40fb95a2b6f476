package dev.docflow.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPiecesTest {
    private static final WordPieceTokenCounter WORD_PIECES = new WordPieceTokenCounter();

    /** Texts where a range's pieces are not simply the pieces inside it: each tokenizer rule that joins or drops characters. */
    private static final List<String> TRICKY = List.of(
            "Use R CMD check --as-cran pkg_1.0.tar.gz; see ?library.",
            "naïve café, decomposed: cafe\u0301 x\u0301y",
            "an emoji 😀 and 𝔸 before words",
            "中文字符 mixed with English",
            "zero\u200bwidth joins, a bell\u0007 too, tab\tand\u00a0nbsp",
            "supercalifragilisticexpialidocious unaffable antidisestablishmentarianism",
            "a".repeat(120) + " long word over one hundred characters");

    @Test
    void everyRangeCountsWhatTheRangeAloneCounts() {
        for (String text : TRICKY) {
            TokenCounter.RangeCounts ranges = WORD_PIECES.ranges(text);
            for (int start = 0; start <= text.length(); start++) {
                for (int end = start; end <= text.length(); end++) {
                    assertThat(ranges.count(start, end))
                            .as("%s [%d, %d)", text, start, end)
                            .isEqualTo(WORD_PIECES.count(text.substring(start, end)));
                }
            }
        }
    }

    @Test
    void rangesBetweenWordsAreCountedWithoutTokenizingAgain() {
        String text = "The chunker counts a block once. Then its sentences, words and pieces are ranges of it.";
        List<String> retokenized = new ArrayList<>();
        TokenCounter.RangeCounts ranges = WORD_PIECES.ranges(text, piece -> {
            retokenized.add(piece);
            return WORD_PIECES.count(piece);
        });

        assertThat(ranges.count(0, text.length())).isEqualTo(WORD_PIECES.count(text));
        assertThat(ranges.count(0, text.indexOf(" Then"))).isEqualTo(WORD_PIECES.count("The chunker counts a block once."));
        assertThat(ranges.count(text.indexOf("sentences"), text.indexOf(" words"))).isEqualTo(WORD_PIECES.count("sentences,"));
        assertThat(retokenized).isEmpty();

        // half of "chunker": a word cut in two is tokenized on its own
        assertThat(ranges.count(4, 8)).isEqualTo(WORD_PIECES.count("chun"));
        assertThat(retokenized).containsExactly("chun");
    }
}
