package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed question sets checked against the corpus they are about: {@code eval/} of this
 * repository (the large set and its two halves) and {@code ../shared/eval/questions-dev.jsonl}, over
 * {@code ../shared/corpus}. Runs from the {@code cli} module folder, as Maven runs tests.
 */
class QuestionSetTest {
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Path EVAL = REPOSITORY.resolve("eval");
    private static final Path SHARED = REPOSITORY.resolveSibling("shared");

    private static QuestionSetChecker checker;

    @BeforeAll
    static void corpus() {
        assumeTrue(Files.isDirectory(SHARED.resolve("corpus")),
                "the corpus is not at " + SHARED.resolve("corpus") + " (the repository's sibling folder shared/)");
        checker = new QuestionSetChecker(SHARED.resolve("corpus"));
    }

    @Test
    void everyQuestionOfTheLargeSetIsAnsweredOnItsOwnPage() {
        assertThat(checker.problems(EVAL.resolve("questions.jsonl"))).isEmpty();
        assertThat(EvalQuestion.read(EVAL.resolve("questions.jsonl"))).hasSizeGreaterThanOrEqualTo(160);
    }

    @Test
    void bothHalvesAreSoundAndAreTheSeededSplitOfTheSet() {
        assertThat(checker.problems(EVAL.resolve("questions-tuning.jsonl"))).isEmpty();
        assertThat(checker.problems(EVAL.resolve("questions-test.jsonl"))).isEmpty();
        assertThat(QuestionSetChecker.splitProblems(EVAL.resolve("questions.jsonl"), EVAL.resolve("questions-tuning.jsonl"),
                EVAL.resolve("questions-test.jsonl"), QuestionSplit.SEED)).isEmpty();
    }

    @Test
    void theOffTopicQuestionsAreAnsweredNowhereInTheirCorpusAndSplitBySeed() {
        Path whole = EVAL.resolve("off-topic.jsonl");
        assertThat(new OffTopicChecker(SHARED.resolve("corpus")).problems(whole)).isEmpty();
        assertThat(OffTopicQuestion.read(whole)).hasSizeGreaterThanOrEqualTo(40)
                .extracting(OffTopicQuestion::kind).contains(OffTopicQuestion.Kind.values());
        assertThat(OffTopicChecker.splitProblems(whole, EVAL.resolve("off-topic-tuning.jsonl"),
                EVAL.resolve("off-topic-test.jsonl"), QuestionSplit.SEED)).isEmpty();
    }

    @Test
    void theDevQuestionsAreSoundAndNotRepeatedInTheLargeSet() {
        Path dev = SHARED.resolve("eval/questions-dev.jsonl");
        assertThat(checker.problems(dev)).isEmpty();
        List<String> devQuestions = EvalQuestion.read(dev).stream().map(q -> q.question().toLowerCase()).toList();
        assertThat(EvalQuestion.read(EVAL.resolve("questions.jsonl")))
                .noneMatch(q -> devQuestions.contains(q.question().toLowerCase()));
    }
}
