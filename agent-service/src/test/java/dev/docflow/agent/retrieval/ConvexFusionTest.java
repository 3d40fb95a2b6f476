package dev.docflow.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.agent.retrieval.ConvexFusion.Hit;
import dev.docflow.agent.retrieval.ReciprocalRankFusion.Fused;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvexFusionTest {
    // BM25: a far ahead of b and c; cosine: c, then b close behind, then d
    private static final List<Hit> LEXICAL = List.of(new Hit("a", 20), new Hit("b", 6), new Hit("c", 5));
    private static final List<Hit> SEMANTIC = List.of(new Hit("c", 0.90), new Hit("b", 0.89), new Hit("d", 0.80));

    @Test
    void eachSearchIsScaledBetweenItsWorstAndBestHitAndWeighed() {
        List<Fused> fused = ConvexFusion.fuse(LEXICAL, SEMANTIC, 0.5);

        // a: lexical 1, no semantic; c: lexical (5 - 5) / 15 = 0, semantic 1; b: 1 / 15 and 0.9
        assertThat(fused).extracting(Fused::id).containsExactly("a", "c", "b", "d");
        assertThat(fused).extracting(Fused::score)
                .usingElementComparator((x, y) -> Math.abs(x - y) < 1e-9 ? 0 : Double.compare(x, y))
                .containsExactly(0.5, 0.5, 0.5 / 15 + 0.45, 0.0);
    }

    @Test
    void aHitFarAheadInOneSearchStaysAheadWhereRanksWouldTie() {
        // by rank, a (first in BM25 only) and c (first in kNN, last in BM25) are close; by score a wins
        assertThat(ConvexFusion.fuse(LEXICAL, SEMANTIC, 0.6)).extracting(Fused::id).startsWith("a");
        assertThat(ConvexFusion.fuse(LEXICAL, SEMANTIC, 0.4)).extracting(Fused::id).startsWith("c");
    }

    @Test
    void theWeightChoosesOneSearchAloneAtItsEnds() {
        assertThat(ConvexFusion.fuse(LEXICAL, SEMANTIC, 1).subList(0, 3)).extracting(Fused::id).containsExactly("a", "b", "c");
        assertThat(ConvexFusion.fuse(LEXICAL, SEMANTIC, 0).subList(0, 2)).extracting(Fused::id).containsExactly("c", "b");
    }

    @Test
    void aSingleHitOrAnEmptySearchStillFuses() {
        assertThat(ConvexFusion.fuse(List.of(new Hit("a", 3)), List.of(), 0.5))
                .singleElement().satisfies(hit -> assertThat(hit.score()).isEqualTo(0.5));
        assertThat(ConvexFusion.fuse(List.of(), List.of(), 0.5)).isEmpty();
        assertThatThrownBy(() -> ConvexFusion.fuse(LEXICAL, SEMANTIC, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
