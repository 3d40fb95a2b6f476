package dev.docflow.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeywordBoundTest {
    private static final int LUCENE_MAX_TERM_BYTES = 32_766;

    @Test
    void leavesAValueThatFitsAsItIs() {
        assertThat(KeywordBound.cut("mail.eml › report.pdf")).isEqualTo("mail.eml › report.pdf");
        String exactly = "a".repeat(KeywordBound.MAX_BYTES);
        assertThat(KeywordBound.cut(exactly)).isSameAs(exactly);
        assertThat(KeywordBound.cut("")).isEmpty();
        assertThat(KeywordBound.cut(null)).isNull();
    }

    @Test
    void cutsAFortyThousandCharacterNameToTheBoundWithAnEllipsis() {
        String name = "poison.zip › " + "n".repeat(40_000) + ".txt";
        String cut = KeywordBound.cut(name);
        assertThat(bytes(cut)).isLessThanOrEqualTo(KeywordBound.MAX_BYTES).isGreaterThan(KeywordBound.MAX_BYTES - 4);
        assertThat(cut).startsWith("poison.zip › nnn").endsWith("n…");
    }

    @Test
    void neverSplitsAMultiByteCharacterOrASurrogatePair() {
        for (String character : new String[] {"é", "€", "😀"}) {
            for (int offset = 0; offset < 4; offset++) {
                String value = "x".repeat(offset) + character.repeat(KeywordBound.MAX_BYTES);
                String cut = KeywordBound.cut(value);
                byte[] encoded = cut.getBytes(StandardCharsets.UTF_8);
                assertThat(encoded.length).as(character + " after " + offset).isLessThanOrEqualTo(KeywordBound.MAX_BYTES);
                // a split sequence would not round-trip
                assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(cut);
                String body = cut.substring(offset, cut.length() - 1);
                assertThat(body.replace(character, "")).as(character + " after " + offset).isEmpty();
            }
        }
    }

    @Test
    void ignoreAboveLetsNothingThroughOverLucenesTermLimit() {
        String worst = "😀".repeat(KeywordBound.IGNORE_ABOVE_CHARS / 2) + "€";
        assertThat(worst.length()).isLessThanOrEqualTo(KeywordBound.IGNORE_ABOVE_CHARS);
        assertThat(bytes(worst)).isLessThanOrEqualTo(LUCENE_MAX_TERM_BYTES);
        assertThat(KeywordBound.MAX_BYTES).as("what we send is never ignored").isLessThanOrEqualTo(KeywordBound.IGNORE_ABOVE_CHARS);
    }

    private static int bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
