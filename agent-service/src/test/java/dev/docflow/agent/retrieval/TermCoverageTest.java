package dev.docflow.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermCoverageTest {
    private static final Set<String> QUESTION = new LinkedHashSet<>(List.of("default", "work_mem"));

    private static RetrievedChunk chunk(String id, String stemmed, double score) {
        return new RetrievedChunk(id, "d", "f.html", "", 0, 0, 0, 0, 1, "", "t", stemmed, score);
    }

    @Test
    void aChunkHoldingTheRareTermOvertakesOneHoldingOnlyTheCommonOne() {
        List<RetrievedChunk> fused = List.of(
                chunk("a", "default valu set", 0.033),
                chunk("b", "default other", 0.032),
                chunk("c", "work_mem default memori", 0.030));

        List<RetrievedChunk> rescored = TermCoverage.rescore(fused, QUESTION, 0.01);

        assertThat(rescored).extracting(RetrievedChunk::chunkId).containsExactly("c", "a", "b");
        // c holds both terms: the full weight
        assertThat(rescored.get(0).score()).isCloseTo(0.040, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theRareTermWeighsMoreThanTheCommonOne() {
        List<RetrievedChunk> fused = List.of(
                chunk("common", "default", 0.030),
                chunk("rare", "work_mem", 0.030),
                chunk("other", "default", 0.030));

        List<RetrievedChunk> rescored = TermCoverage.rescore(fused, QUESTION, 0.01);

        assertThat(rescored.get(0).chunkId()).isEqualTo("rare");
        assertThat(rescored.get(0).score() - 0.030).isGreaterThan(rescored.get(1).score() - 0.030);
    }

    @Test
    void weightZeroOrNoTermsKeepsTheFusedOrderAndScores() {
        List<RetrievedChunk> fused = List.of(chunk("a", "x", 0.033), chunk("b", "work_mem default", 0.032));

        assertThat(TermCoverage.rescore(fused, QUESTION, 0)).isSameAs(fused);
        assertThat(TermCoverage.rescore(fused, Set.of(), 0.01)).isSameAs(fused);
    }

    @Test
    void tiesKeepTheFusedOrder() {
        List<RetrievedChunk> fused = List.of(chunk("a", "default", 0.03), chunk("b", "default", 0.03));

        assertThat(TermCoverage.rescore(fused, QUESTION, 0.01)).extracting(RetrievedChunk::chunkId).containsExactly("a", "b");
    }
}
