package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.answer.SentenceSplitter.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void splitsOnSentenceEndsAndKeepsExactOffsets() {
        String text = "  Install it with apt. It needs Java 17! Does it run on ARM? Yes.";

        List<Span> spans = SentenceSplitter.split(text);

        assertThat(spans).extracting(span -> span.of(text))
                .containsExactly("Install it with apt.", "It needs Java 17!", "Does it run on ARM?", "Yes.");
        assertThat(spans.get(0).start()).isEqualTo(2);
    }

    @Test
    void aSingleLineBreakIsAWrapButABlankLineEndsASentence() {
        String text = "Travel Policy\n\nHotels are reimbursed\nup to 180 euros per night\n \nMeals are covered.";

        assertThat(sentences(text)).containsExactly(
                "Travel Policy", "Hotels are reimbursed\nup to 180 euros per night", "Meals are covered.");
    }

    @Test
    void doesNotBreakAfterCommonAbbreviations() {
        assertThat(sentences("Use a JDK, e.g. Temurin or Zulu. Then start it."))
                .containsExactly("Use a JDK, e.g. Temurin or Zulu.", "Then start it.");
    }

    @Test
    void doesNotBreakInsideAName() {
        assertThat(sentences("Classes are stored with names .__C__classname: as such they are hidden. Next one."))
                .containsExactly("Classes are stored with names .__C__classname: as such they are hidden.", "Next one.");
    }

    @Test
    void blankTextHasNoSentences() {
        assertThat(SentenceSplitter.split(" \n\n ")).isEmpty();
    }
}
