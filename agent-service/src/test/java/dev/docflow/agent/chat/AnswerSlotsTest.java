package dev.docflow.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnswerSlotsTest {

    @Test
    void aTenantHoldsAtMostItsSlotsAndTheOthersAreUntouched() {
        AnswerSlots slots = new AnswerSlots(2);
        AnswerSlots.Slot first = slots.acquire("acme");
        AnswerSlots.Slot second = slots.acquire("acme");

        assertThatThrownBy(() -> slots.acquire("acme"))
                .isInstanceOfSatisfying(TooManyConcurrentAnswersException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1))
                .hasMessageContaining("chat.max-concurrent-answers-per-tenant");
        assertThat(slots.acquire("globex")).isNotNull();
        assertThat(slots.inProgress("acme")).isEqualTo(2);

        first.close();
        first.close(); // a second close gives back nothing more
        assertThat(slots.inProgress("acme")).isEqualTo(1);
        assertThat(slots.acquire("acme")).isNotNull();
        assertThatThrownBy(() -> slots.acquire("acme")).isInstanceOf(TooManyConcurrentAnswersException.class);
        second.close();
        assertThat(slots.inProgress("acme")).isEqualTo(1);
    }
}
