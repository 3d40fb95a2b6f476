package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetrievalTableTest {
    @Test
    void eachModeIsTalliedOverAllQuestionsAndPerCorpus() {
        RetrievalTable table = new RetrievalTable();
        table.add("bm25", "tables", 1, 1, true);
        table.add("bm25", "docs", 0, 0, false);
        table.add("bm25", "docs", 30, 0, false);
        table.add("hybrid", "docs", 2, 2, true);

        assertThat(table.of("bm25").questions()).isEqualTo(3);
        assertThat(table.of("bm25", "docs").rankingRecallAt(50)).isEqualTo(0.5);
        assertThat(table.of("bm25", "tables").recallAt1()).isEqualTo(1.0);
        assertThat(table.of("hybrid").mrr()).isEqualTo(0.5);
        assertThat(table.of("knn").questions()).isZero();
        assertThat(table.of("hybrid", "tables").questions()).isZero();
    }

    @Test
    void theMarkdownHasTheModesOverallThenPerCorpusInNameOrder() {
        RetrievalTable table = new RetrievalTable();
        table.add("bm25", "tables", 1, 1, true);
        table.add("bm25", "docs", 0, 0, false);
        table.add("hybrid", "docs", 2, 2, true);

        assertThat(table.markdown()).containsExactly(
                "| mode | corpus | questions | retrieval recall@1 | @5 | @20 | @50 | citation recall@1 | @5 | MRR | answer accuracy | refused |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|",
                "| bm25 | all | 2 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.000 |",
                "| hybrid | all | 1 | 0.000 | 1.000 | 1.000 | 1.000 | 0.000 | 1.000 | 0.500 | 1.000 | 0.000 |",
                "| bm25 | docs | 1 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 |",
                "| bm25 | tables | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 0.000 |",
                "| hybrid | docs | 1 | 0.000 | 1.000 | 1.000 | 1.000 | 0.000 | 1.000 | 0.500 | 1.000 | 0.000 |");
    }

    @Test
    void refusalsAreCountedForAnswerableQuestionsAndForOffTopicOnesByKind() {
        RetrievalTable table = new RetrievalTable();
        table.add("hybrid", "docs", 0, 0, false, true);
        table.add("hybrid", "docs", 1, 1, true, false);
        table.addOffTopic("hybrid", OffTopicQuestion.Kind.UNRELATED, true);
        table.addOffTopic("hybrid", OffTopicQuestion.Kind.UNRELATED, true);
        table.addOffTopic("hybrid", OffTopicQuestion.Kind.NEARBY, false);

        assertThat(table.of("hybrid").refusalRate()).isEqualTo(0.5);
        assertThat(table.offTopicRefusalRate("hybrid")).isEqualTo(2.0 / 3);
        assertThat(table.offTopicRefusalRate("bm25")).isZero();
        assertThat(table.markdown()).containsSubsequence(
                "| hybrid | all | 2 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 |",
                "| mode | off-topic questions | asked | refused (right) |",
                "| hybrid | unrelated | 2 | 1.000 |",
                "| hybrid | nearby | 1 | 0.000 |");
    }

    @Test
    void oneCorpusGetsNoRowsOfItsOwn() {
        RetrievalTable table = new RetrievalTable();
        table.add("hybrid", "docs", 1, 1, true);

        assertThat(table.markdown()).hasSize(3);
    }
}
