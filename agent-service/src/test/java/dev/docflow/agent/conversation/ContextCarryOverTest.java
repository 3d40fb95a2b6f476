package dev.docflow.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextCarryOverTest {
    private final ContextCarryOver rewriter = new ContextCarryOver();
    private final List<Turn> history = List.of(
            Turn.user("How do I install R on Linux?"),
            Turn.assistant("Unpack the sources and run ./configure [1]."),
            Turn.user("Where do new employees collect their laptop?"),
            Turn.assistant("At the IT service desk [1]."));

    @Test
    void aNewConversationKeepsTheMessage() {
        assertThat(rewriter.standalone("At what time?", List.of())).isEqualTo("At what time?");
    }

    @Test
    void aShortFollowUpIsSearchedWithTheLastQuestion() {
        assertThat(rewriter.standalone("At what time?", history))
                .isEqualTo("Where do new employees collect their laptop? At what time?");
    }

    @Test
    void aLongerMessageLeaningOnTheLastOneIsToo() {
        assertThat(rewriter.standalone("Is it also possible to collect them on a Saturday morning?", history))
                .startsWith("Where do new employees collect their laptop?");
        assertThat(rewriter.standalone("And what happens on the first day of the second week?", history))
                .startsWith("Where do new employees collect their laptop?");
    }

    @Test
    void aQuestionThatStandsAloneIsLeftAlone() {
        String question = "How many vacation days do employees get per year?";

        assertThat(rewriter.standalone(question, history)).isEqualTo(question);
    }
}
