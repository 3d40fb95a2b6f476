package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AskedValuesTest {
    @Test
    void questionsForANameANumberOrAKeywordAskForAValue() {
        assertThat(AskedValues.asksForValue("Which setting turns off automatic memory tuning?")).isTrue();
        assertThat(AskedValues.asksForValue("How much memory can a sort use before spilling to disk?")).isTrue();
        assertThat(AskedValues.asksForValue("What lock level does TRUNCATE need?")).isTrue();
        assertThat(AskedValues.asksForValue("What is the default planner cost of a random page read?")).isTrue();
        assertThat(AskedValues.asksForValue("How many replication slots can the server support?")).isTrue();
    }

    @Test
    void questionsForAnExplanationDoNot() {
        assertThat(AskedValues.asksForValue("Why does the operator restart a job after an upgrade?")).isFalse();
        assertThat(AskedValues.asksForValue("How do I check that the operator is healthy?")).isFalse();
        assertThat(AskedValues.asksForValue("What happens to pods when a deployment is suspended?")).isFalse();
    }

    @Test
    void figuresIdentifiersOptionsAndKeywordsAreValues() {
        String question = "Which setting turns off automatic memory tuning?";
        assertThat(AskedValues.holdsNewValue("Set memory.tuning.enabled: false in the configuration.", question)).isTrue();
        assertThat(AskedValues.holdsNewValue("The default is 64MB.", question)).isTrue();
        assertThat(AskedValues.holdsNewValue("Use ./configure --with-blas to link it.", question)).isTrue();
        assertThat(AskedValues.holdsNewValue("TRUNCATE acquires an ACCESS EXCLUSIVE lock.", question)).isTrue();
        assertThat(AskedValues.holdsNewValue("Set maxParallelism on the job.", question)).isTrue();
    }

    @Test
    void wordsOfPlainProseAndTheQuestionsOwnValuesAreNot() {
        assertThat(AskedValues.holdsNewValue("Memory tuning can be turned off in the operator's settings.",
                "Which setting turns off automatic memory tuning?")).isFalse();
        assertThat(AskedValues.holdsNewValue("The work_mem setting bounds each sort (see below).",
                "What does work_mem bound?")).isFalse();
        assertThat(AskedValues.holdsNewValue("A well-known, self-contained example.", "Which example?")).isFalse();
    }
}
