package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.retrieval.Retrieval;
import dev.docflow.agent.retrieval.RetrievedChunk;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelevanceGateTest {
    private final RelevanceGate gate = new RelevanceGate(0.3);
    private final Question question =
            new Question("How much is a hotel night?", new LinkedHashSet<>(List.of("much", "hotel", "night")), new float[] {1});

    private static Retrieval retrieval(double bestSimilarity, String... stemmedTexts) {
        List<RetrievedChunk> chunks = Arrays.stream(stemmedTexts)
                .map(stemmed -> new RetrievedChunk("d:0", "d", "d.pdf", "", 0, 1, 1, 0, 1, "", "x", stemmed, 0.01))
                .toList();
        return new Retrieval(chunks, bestSimilarity);
    }

    @Test
    void admitsASemanticallyCloseChunkEvenWithoutSharedWords() {
        assertThat(gate.admits(question, retrieval(0.45, "lodg cost reimburs"))).isTrue();
    }

    @Test
    void admitsAChunkHoldingEveryTermOfTheQuestionEvenWhenEmbeddingsDisagree() {
        assertThat(gate.admits(question, retrieval(0.1, "flight econom", "hotel night much reimburs 180 euro"))).isTrue();
    }

    @Test
    void sharedWordsSpreadOverChunksOrPartOfTheQuestionAreNotEnough() {
        // a large corpus holds some words of almost any question
        assertThat(gate.admits(question, retrieval(0.1, "much flight econom", "hotel night reimburs 180 euro", "night shift")))
                .isFalse();
    }

    @Test
    void withoutAKnnSearchOneSharedTermAdmits() {
        assertThat(gate.admits(question, retrieval(-1, "flight econom", "night shift"))).isTrue();
        assertThat(gate.admits(question, retrieval(-1, "flight econom", "laptop first dai"))).isFalse();
    }

    @Test
    void refusesWhenNothingIsCloseAndNoTermIsShared() {
        assertThat(gate.admits(question, retrieval(0.29, "passwords rotat", "laptop first dai"))).isFalse();
    }

    @Test
    void refusesAnEmptyKnowledgeBase() {
        assertThat(gate.admits(question, new Retrieval(List.of(), -1))).isFalse();
    }
}
