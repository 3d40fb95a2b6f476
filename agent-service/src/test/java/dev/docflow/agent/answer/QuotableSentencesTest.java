package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.answer.QuotableSentences.Sentence;
import dev.docflow.agent.citations.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotableSentencesTest {

    private static Passage passage(String text) {
        return new Passage("d", "d.pdf", "", 1, 1, 0, text.length(), "", text, 0.03, List.of("d:0"));
    }

    @Test
    void headingsLabelsAndTablesOfContentsAreNotQuoted() {
        assertThat(QuotableSentences.quotable("# Operator Health Monitoring")).isFalse();
        assertThat(QuotableSentences.quotable("2.2 Fixed width format files")).isFalse();
        assertThat(QuotableSentences.quotable("Fixed-width-format files . . . . . . . . 11")).isFalse();
        assertThat(QuotableSentences.quotable("Hotels are reimbursed.")).isFalse();
        assertThat(QuotableSentences.quotable("Hotels are reimbursed per night.")).isTrue();
        assertThat(QuotableSentences.quotable("The probes are enabled by default in the Helm chart:")).isTrue();
        assertThat(QuotableSentences.quotable("read.fwf reads files whose fields sit in fixed columns of every line")).isTrue();
    }

    @Test
    void sentencesKeepTheirPassageAndOffsetAndAreListedOnce() {
        String first = "Travel\n\nHotels are reimbursed\nper night. Taxis need a receipt.";
        List<Sentence> sentences = QuotableSentences.of(List.of(passage(first), passage("Taxis need a receipt.")), 10);

        assertThat(sentences).containsExactly(
                new Sentence(0, 8, "Hotels are reimbursed per night."),
                new Sentence(0, 41, "Taxis need a receipt."));
    }

    @Test
    void stopsAtTheLimit() {
        assertThat(QuotableSentences.of(List.of(passage("One two three four. Five six seven eight.")), 1)).hasSize(1);
    }
}
