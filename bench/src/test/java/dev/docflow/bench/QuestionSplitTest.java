package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuestionSplitTest {
    private final List<EvalQuestion> questions = new ArrayList<>();

    QuestionSplitTest() {
        IntStream.range(0, 10).forEach(i -> questions.add(question("docs-" + i, "docs")));
        IntStream.range(0, 7).forEach(i -> questions.add(question("r-" + i, "manuals/r")));
        IntStream.range(0, 4).forEach(i -> questions.add(question("t-" + i, "tables")));
    }

    @Test
    void eachCorpusIsHalvedAndTheHalvesTogetherAreTheSet() {
        QuestionSplit split = QuestionSplit.of(questions, 42);

        assertThat(QuestionSplit.perCorpus(split.tuning())).containsExactly(
                java.util.Map.entry("docs", 5), java.util.Map.entry("manuals/r", 3), java.util.Map.entry("tables", 2));
        assertThat(QuestionSplit.perCorpus(split.test())).containsExactly(
                java.util.Map.entry("docs", 5), java.util.Map.entry("manuals/r", 4), java.util.Map.entry("tables", 2));
        assertThat(split.tuning()).doesNotContainAnyElementsOf(split.test());
        List<EvalQuestion> both = new ArrayList<>(split.tuning());
        both.addAll(split.test());
        assertThat(both).containsExactlyInAnyOrderElementsOf(questions);
    }

    @Test
    void theSameSeedGivesTheSameHalvesAndAnotherSeedOthers() {
        QuestionSplit split = QuestionSplit.of(questions, 42);

        assertThat(QuestionSplit.of(List.copyOf(questions), 42)).isEqualTo(split);
        assertThat(QuestionSplit.of(questions, 43).tuning()).isNotEqualTo(split.tuning());
    }

    @Test
    void eachHalfKeepsTheSetsOrder() {
        QuestionSplit split = QuestionSplit.of(questions, 42);

        assertThat(split.tuning()).isSortedAccordingTo((a, b) -> questions.indexOf(a) - questions.indexOf(b));
        assertThat(split.test()).isSortedAccordingTo((a, b) -> questions.indexOf(a) - questions.indexOf(b));
    }

    private static EvalQuestion question(String id, String corpus) {
        return new EvalQuestion(id, corpus, "Question " + id + "?", "file.md", 0, List.of("x"), List.of("y"));
    }
}
