package dev.docflow.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.docflow.agent.retrieval.ReciprocalRankFusion.Fused;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void scoresAreSumsOfReciprocalRanks() {
        List<Fused> fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "b"), List.of("b", "c")), 60);

        assertThat(fused).extracting(Fused::id).containsExactly("b", "a", "c");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
    }

    @Test
    void chunkFoundByBothRetrieversBeatsOneRankedFirstByOnlyOne() {
        List<Fused> fused = ReciprocalRankFusion.fuse(
                List.of(List.of("lexical-only", "x", "both"), List.of("semantic-only", "y", "both")), 60);

        assertThat(fused.get(0).id()).isEqualTo("both");
        assertThat(fused.get(0).bestRank()).isEqualTo(3);
    }

    @Test
    void weightsScaleEachRankingsShare() {
        List<Fused> fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "b"), List.of("b", "c")), new double[] {2, 0.5}, 60);

        assertThat(fused).extracting(Fused::id).containsExactly("b", "a", "c");
        assertThat(fused.get(0).score()).isCloseTo(2.0 / 62 + 0.5 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(2.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(0.5 / 62, within(1e-12));
    }

    @Test
    void aRankingWeightedZeroRanksNothing() {
        List<Fused> fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "b"), List.of("c", "a")), new double[] {1, 0}, 60);

        assertThat(fused).extracting(Fused::id).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> ReciprocalRankFusion.fuse(List.of(List.of("a")), new double[] {1, 1}, 60))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tiesGoToTheBetterRankThenToTheFirstRanking() {
        List<Fused> fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "c"), List.of("b", "d")), 60);

        assertThat(fused).extracting(Fused::id).containsExactly("a", "b", "c", "d");
    }

    @Test
    void smallKRewardsTheHeadOfEachList() {
        // a: 1st and 10th; b: 4th and 4th. k=1 favours a first place; k=60 favours agreement
        List<List<String>> rankings = List.of(
                List.of("a", "p", "q", "b", "r", "s", "t", "u", "v", "w"),
                List.of("m", "n", "o", "b", "e", "f", "g", "h", "i", "a"));

        assertThat(ReciprocalRankFusion.fuse(rankings, 1).get(0).id()).isEqualTo("a");
        assertThat(ReciprocalRankFusion.fuse(rankings, 60).get(0).id()).isEqualTo("b");
    }

    @Test
    void anIdRepeatedInOneRankingCountsOnceAtItsFirstPosition() {
        List<Fused> fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "a", "b")), 60);

        assertThat(fused).extracting(Fused::id).containsExactly("a", "b");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63, within(1e-12));
    }

    @Test
    void emptyRankingsFuseToNothing() {
        assertThat(ReciprocalRankFusion.fuse(List.of(List.of(), List.of()), 60)).isEmpty();
    }

    @Test
    void rejectsANonPositiveK() {
        assertThatThrownBy(() -> ReciprocalRankFusion.fuse(List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
