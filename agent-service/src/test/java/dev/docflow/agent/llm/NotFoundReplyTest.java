package dev.docflow.agent.llm;

import static dev.docflow.agent.llm.NotFoundReply.Verdict.ANSWER;
import static dev.docflow.agent.llm.NotFoundReply.Verdict.NOT_FOUND;
import static dev.docflow.agent.llm.NotFoundReply.Verdict.UNDECIDED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotFoundReplyTest {

    @Test
    void theSentinelInAnyDressIsNotFound() {
        assertThat(NotFoundReply.judge("NOT_FOUND")).isEqualTo(NOT_FOUND);
        assertThat(NotFoundReply.judge("\n NOT_FOUND.")).isEqualTo(NOT_FOUND);
        assertThat(NotFoundReply.judge("**NOT_FOUND**")).isEqualTo(NOT_FOUND);
        assertThat(NotFoundReply.judge("`NOT_FOUND`")).isEqualTo(NOT_FOUND);
        assertThat(NotFoundReply.judge("NOT_FOUND: the passages are about something else")).isEqualTo(NOT_FOUND);
    }

    @Test
    void aStartThatCouldStillBecomeTheSentinelIsUndecided() {
        assertThat(NotFoundReply.judge("")).isEqualTo(UNDECIDED);
        assertThat(NotFoundReply.judge("  ")).isEqualTo(UNDECIDED);
        assertThat(NotFoundReply.judge("**")).isEqualTo(UNDECIDED);
        assertThat(NotFoundReply.judge("NOT_FO")).isEqualTo(UNDECIDED);
    }

    @Test
    void anythingElseIsAnAnswerAsSoonAsItDiffers() {
        assertThat(NotFoundReply.judge("R")).isEqualTo(ANSWER);
        assertThat(NotFoundReply.judge("NOT ")).isEqualTo(ANSWER);
        assertThat(NotFoundReply.judge("not_found")).isEqualTo(ANSWER);
        assertThat(NotFoundReply.judge("The answer is NOT_FOUND")).isEqualTo(ANSWER);
    }

    @Test
    void aReplyThatEndsBeforeItIsDecidedIsNoAnswer() {
        assertThat(NotFoundReply.isNotFound("")).isTrue();
        assertThat(NotFoundReply.isNotFound("NOT_FOU")).isTrue();
        assertThat(NotFoundReply.isNotFound("No.")).isFalse();
    }
}
