package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetrievalTallyTest {
    @Test
    void citationMeasuresCountTheFirstFiveCitationsOnly() {
        RetrievalTally tally = new RetrievalTally();
        tally.add(1, 1, true);
        tally.add(3, 2, false);
        tally.add(0, 0, false);
        tally.add(9, 5, true);

        assertThat(tally.questions()).isEqualTo(4);
        assertThat(tally.recallAt1()).isEqualTo(0.25);
        assertThat(tally.recallAt5()).isEqualTo(0.75);
        assertThat(tally.mrr()).isEqualTo((1 + 0.5 + 0.2) / 4);
        assertThat(tally.answerAccuracy()).isEqualTo(0.5);
    }

    @Test
    void rankingRecallCountsEachDepthApartFromTheCitations() {
        RetrievalTally tally = new RetrievalTally();
        tally.add(1, 0, false);   // ranked first, never cited: lost by the answer stage
        tally.add(5, 1, true);
        tally.add(20, 0, false);
        tally.add(21, 0, false);
        tally.add(50, 0, false);
        tally.add(0, 0, false);   // never ranked: lost by retrieval
        tally.add(51, 0, false);  // deeper than the ranking judged
        tally.add(6, 3, true);

        assertThat(tally.rankingRecallAt(1)).isEqualTo(1 / 8.0);
        assertThat(tally.rankingRecallAt(5)).isEqualTo(2 / 8.0);
        assertThat(tally.rankingRecallAt(20)).isEqualTo(4 / 8.0);
        assertThat(tally.rankingRecallAt(50)).isEqualTo(6 / 8.0);
        assertThat(tally.recallAt5()).isEqualTo(2 / 8.0);
    }

    @Test
    void anEmptyTallyIsZeroAndAnUncountedDepthIsRefused() {
        RetrievalTally tally = new RetrievalTally();

        assertThat(tally.rankingRecallAt(50)).isZero();
        assertThat(tally.mrr()).isZero();
        assertThatThrownBy(() -> tally.rankingRecallAt(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not at 10");
    }

    @Test
    void theLineShowsEveryMeasure() {
        RetrievalTally tally = new RetrievalTally();
        tally.add(2, 1, true);
        tally.add(0, 0, false, true);

        assertThat(tally.line("hybrid")).isEqualTo("hybrid  questions=2 retrieval_recall@1=0.000 @5=0.500 @20=0.500 @50=0.500"
                + " citation_recall@1=0.500 recall@5=0.500 mrr=0.500 answer_accuracy=0.500 refused=0.500");
    }
}
