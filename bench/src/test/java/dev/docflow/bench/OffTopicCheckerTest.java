package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffTopicCheckerTest {
    @TempDir
    Path root;

    @Test
    void aWordTheCorpusHoldsAnywhereIsAProblem() throws IOException {
        Files.createDirectories(root.resolve("docs/deep"));
        Files.writeString(root.resolve("docs/deep/page.html"), "<html><body><p>Bake the sourdough\n  loaf</p></body></html>");
        Path questions = write(
                "{\"id\":\"o1\",\"corpus\":\"docs\",\"kind\":\"unrelated\",\"question\":\"How is bread made?\",\"absent\":[\"Sourdough Loaf\"]}",
                "{\"id\":\"o2\",\"corpus\":\"docs\",\"kind\":\"nearby\",\"question\":\"What is a cactus?\",\"absent\":[\"cactus\"]}");

        assertThat(new OffTopicChecker(root).problems(questions)).singleElement().asString()
                .contains("o1").contains("\"Sourdough Loaf\" occurs in docs");
    }

    @Test
    void malformedLinesRepeatsAndMissingFoldersAreReported() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Path questions = write(
                "{\"id\":\"o1\",\"corpus\":\"docs\",\"kind\":\"unrelated\",\"question\":\"Who won?\",\"absent\":[\"trophy\"]}",
                "{\"id\":\"o1\",\"corpus\":\"docs\",\"kind\":\"unrelated\",\"question\":\"who  won?\",\"absent\":[\"cup\"]}",
                "{\"id\":\"o3\",\"corpus\":\"docs\",\"kind\":\"elsewhere\",\"question\":\"Why?\",\"absent\":[\"x\"]}",
                "{\"id\":\"o4\",\"corpus\":\"docs\",\"kind\":\"nearby\",\"question\":\"How?\",\"absent\":[]}",
                "{\"id\":\"o5\",\"corpus\":\"gone\",\"kind\":\"nearby\",\"question\":\"Where?\",\"absent\":[\"y\"]}");

        List<String> problems = new OffTopicChecker(root).problems(questions);

        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).contains("id o1 is already used");
        assertThat(problems.get(1)).contains("the same question is asked");
        assertThat(problems.get(2)).contains("\"kind\" is unrelated or nearby");
        assertThat(problems.get(3)).contains("\"absent\" must be a non-empty list");
        assertThat(problems.get(4)).contains("no corpus folder");
    }

    @Test
    void theHalvesMustBeTheSeededSplit() throws IOException {
        Path whole = write(
                "{\"id\":\"a\",\"corpus\":\"x\",\"kind\":\"unrelated\",\"question\":\"A?\",\"absent\":[\"a\"]}",
                "{\"id\":\"b\",\"corpus\":\"x\",\"kind\":\"unrelated\",\"question\":\"B?\",\"absent\":[\"b\"]}",
                "{\"id\":\"c\",\"corpus\":\"y\",\"kind\":\"nearby\",\"question\":\"C?\",\"absent\":[\"c\"]}",
                "{\"id\":\"d\",\"corpus\":\"y\",\"kind\":\"nearby\",\"question\":\"D?\",\"absent\":[\"d\"]}");
        List<List<OffTopicQuestion>> halves = OffTopicQuestion.split(OffTopicQuestion.read(whole), 7);
        Path tuning = root.resolve("tuning.jsonl");
        Path test = root.resolve("test.jsonl");
        Files.write(tuning, lines(whole, halves.get(0)));
        Files.write(test, lines(whole, halves.get(1)));

        assertThat(halves.get(0)).hasSize(2).extracting(OffTopicQuestion::corpus).containsExactly("x", "y");
        assertThat(OffTopicChecker.splitProblems(whole, tuning, test, 7)).isEmpty();
        assertThat(OffTopicChecker.splitProblems(whole, test, tuning, 7)).hasSize(2);
    }

    private Path write(String... lines) throws IOException {
        Path file = root.resolve("off-topic-" + lines.length + ".jsonl");
        Files.write(file, List.of(lines));
        return file;
    }

    private static List<String> lines(Path whole, List<OffTopicQuestion> half) throws IOException {
        List<String> ids = half.stream().map(OffTopicQuestion::id).toList();
        return Files.readAllLines(whole).stream().filter(line -> ids.stream().anyMatch(id -> line.contains("\"id\":\"" + id + "\"")))
                .toList();
    }
}
