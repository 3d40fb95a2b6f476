package dev.docflow.agent.citations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.retrieval.RetrievedChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageMergerTest {
    private static final String DOC = "Hotels are reimbursed up to 180 euros per night. "
            + "Meals are covered by a daily allowance of 45 euros. "
            + "Taxis need a receipt. Flights over six hours may be booked in business class.";

    private static RetrievedChunk chunk(String document, int ordinal, int start, int end, int page, double score) {
        return new RetrievedChunk(document + ":" + ordinal, document, document + ".pdf", "", ordinal, page, page,
                start, end, "Travel › Expenses", DOC.substring(start, end), "", score);
    }

    @Test
    void overlappingChunksOfOneDocumentBecomeOnePassageWithTheExactText() {
        RetrievedChunk first = chunk("d", 0, 0, 70, 2, 0.030);
        RetrievedChunk second = chunk("d", 1, 50, 120, 3, 0.032);

        List<Passage> passages = PassageMerger.merge(List.of(second, first));

        assertThat(passages).hasSize(1);
        Passage passage = passages.get(0);
        assertThat(passage.text()).isEqualTo(DOC.substring(0, 120));
        assertThat(passage.charStart()).isZero();
        assertThat(passage.charEnd()).isEqualTo(120);
        assertThat(passage.pageStart()).isEqualTo(2);
        assertThat(passage.pageEnd()).isEqualTo(3);
        assertThat(passage.score()).isEqualTo(0.032);
        assertThat(passage.chunkIds()).containsExactly("d:0", "d:1");
    }

    @Test
    void touchingChunksJoinWithoutLosingOrRepeatingACharacter() {
        List<Passage> passages = PassageMerger.merge(List.of(chunk("d", 0, 0, 49, 1, 0.02), chunk("d", 1, 49, 101, 1, 0.01)));

        assertThat(passages).singleElement().extracting(Passage::text).isEqualTo(DOC.substring(0, 101));
    }

    @Test
    void aChunkInsideAnotherAddsNothingToItsText() {
        List<Passage> passages = PassageMerger.merge(List.of(chunk("d", 0, 0, 120, 1, 0.02), chunk("d", 1, 10, 60, 1, 0.03)));

        assertThat(passages).singleElement().satisfies(passage -> {
            assertThat(passage.text()).isEqualTo(DOC.substring(0, 120));
            assertThat(passage.score()).isEqualTo(0.03);
        });
    }

    @Test
    void chunksWithAGapStaySeparateAndKeepTheirRankOrder() {
        List<Passage> passages = PassageMerger.merge(List.of(chunk("d", 2, 101, 123, 4, 0.03), chunk("d", 0, 0, 49, 1, 0.02)));

        assertThat(passages).extracting(Passage::text).containsExactly(DOC.substring(101, 123), DOC.substring(0, 49));
    }

    @Test
    void chunksOfDifferentDocumentsNeverMerge() {
        List<Passage> passages = PassageMerger.merge(List.of(chunk("a", 0, 0, 70, 1, 0.03), chunk("b", 0, 50, 120, 1, 0.02)));

        assertThat(passages).extracting(Passage::documentId).containsExactly("a", "b");
    }

    @Test
    void passagesAreOrderedByTheirBestChunk() {
        List<Passage> passages = PassageMerger.merge(List.of(
                chunk("a", 0, 0, 49, 1, 0.033),
                chunk("b", 0, 0, 49, 1, 0.032),
                chunk("b", 1, 49, 101, 1, 0.034)));

        assertThat(passages).extracting(Passage::documentId).containsExactly("b", "a");
    }

    @Test
    void aDocumentWithoutPagesKeepsPageZero() {
        List<Passage> passages = PassageMerger.merge(List.of(chunk("d", 0, 0, 70, 0, 0.03), chunk("d", 1, 50, 120, 0, 0.02)));

        assertThat(passages.get(0).pageStart()).isZero();
        assertThat(passages.get(0).pageEnd()).isZero();
    }

    @Test
    void chunksWhoseTextDisagreesWithTheirOffsetsAreNotJoined() {
        RetrievedChunk odd = new RetrievedChunk("d:1", "d", "d.pdf", "", 1, 1, 1, 50, 120, "", "rewritten text", "", 0.01);

        List<Passage> passages = PassageMerger.merge(List.of(chunk("d", 0, 0, 70, 1, 0.02), odd));

        assertThat(passages).extracting(Passage::text).containsExactly(DOC.substring(0, 70), "rewritten text");
    }
}
