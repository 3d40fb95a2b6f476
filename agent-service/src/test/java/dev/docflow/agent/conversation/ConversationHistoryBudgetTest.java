package dev.docflow.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationHistoryBudgetTest {

    @Test
    void aStoredConversationKeepsOnlyItsNewestMessagesWithinTheBudget() {
        List<Turn> turns = List.of(Turn.user("a".repeat(500)), Turn.assistant("b".repeat(500)),
                Turn.user("c".repeat(300)), Turn.assistant("d".repeat(300)));

        assertThat(ConversationService.newestWithin(turns, 1_100)).containsExactly(turns.get(1), turns.get(2), turns.get(3));
        assertThat(ConversationService.newestWithin(turns, 1_599)).containsExactly(turns.get(1), turns.get(2), turns.get(3));
        assertThat(ConversationService.newestWithin(turns, 1_600)).isEqualTo(turns);
        assertThat(ConversationService.newestWithin(turns, 299)).isEmpty();
    }
}
