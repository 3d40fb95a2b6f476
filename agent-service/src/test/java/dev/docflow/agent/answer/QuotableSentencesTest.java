package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotableSentencesTest {

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
}
