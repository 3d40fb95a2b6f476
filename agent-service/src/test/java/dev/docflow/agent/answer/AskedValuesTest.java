package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.answer.AskedValues.Kind;
import org.junit.jupiter.api.Test;

class AskedValuesTest {
    @Test
    void questionsForANameANumberOrAKeywordAskForAValue() {
        assertThat(AskedValues.of("Which setting turns off automatic memory tuning?").kind()).isEqualTo(Kind.NAME);
        assertThat(AskedValues.of("How much memory can a sort use before spilling to disk?").kind()).isEqualTo(Kind.NUMBER);
        assertThat(AskedValues.of("What lock level does TRUNCATE need?").kind()).isEqualTo(Kind.NAME);
        assertThat(AskedValues.of("What is the default planner cost of a random page read?").kind()).isEqualTo(Kind.ANY);
        assertThat(AskedValues.of("How many replication slots can the server support?").kind()).isEqualTo(Kind.NUMBER);
        assertThat(AskedValues.of("What fraction of a table has to change before autovacuum runs?").kind()).isEqualTo(Kind.NUMBER);
    }

    @Test
    void questionsForAnExplanationDoNot() {
        assertThat(AskedValues.of("Why does the operator restart a job after an upgrade?").asksForValue()).isFalse();
        assertThat(AskedValues.of("How do I check that the operator is healthy?").asksForValue()).isFalse();
        assertThat(AskedValues.of("What happens to pods when a deployment is suspended?").asksForValue()).isFalse();
    }

    @Test
    void identifiersOptionsAndKeywordsAnswerAQuestionForAName() {
        AskedValues asked = AskedValues.of("Which setting turns off automatic memory tuning?");
        assertThat(asked.heldBy("Set memory.tuning.enabled: false in the configuration.")).isTrue();
        assertThat(asked.heldBy("Use ./configure --with-blas to link it.")).isTrue();
        assertThat(asked.heldBy("TRUNCATE acquires an ACCESS EXCLUSIVE lock.")).isTrue();
        assertThat(asked.heldBy("Set maxParallelism on the job.")).isTrue();
        assertThat(asked.heldBy("It is tuned every 64 seconds (see Section 27.2.6).")).isFalse();
    }

    @Test
    void figuresThatAreNotReferencesAnswerAQuestionForANumber() {
        AskedValues asked = AskedValues.of("How many replication slots can a server have unless I raise the limit?");
        assertThat(asked.heldBy("The default is 10.")).isTrue();
        assertThat(asked.heldBy("The default is 64MB.")).isTrue();
        assertThat(asked.heldBy("Specifies the maximum number of replication slots (see Section 27.2.6) that the server can support."))
                .isFalse();
        assertThat(asked.heldBy("It is set by max_replication_slots in postgresql.conf.")).isFalse();
    }

    @Test
    void wordsOfPlainProseAndTheQuestionsOwnValuesAreNot() {
        assertThat(AskedValues.of("Which setting turns off automatic memory tuning?")
                .heldBy("Memory tuning can be turned off in the operator's settings.")).isFalse();
        assertThat(AskedValues.of("What does the work_mem setting bound?")
                .heldBy("The work_mem setting bounds each sort (see below).")).isFalse();
        assertThat(AskedValues.of("Which example?").heldBy("A well-known, self-contained example.")).isFalse();
        assertThat(AskedValues.of("Why is it slow?").heldBy("The default is 10.")).isFalse();
    }
}
