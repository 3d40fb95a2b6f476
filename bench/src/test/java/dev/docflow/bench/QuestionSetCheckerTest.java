package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionSetCheckerTest {
    @TempDir
    Path root;

    private QuestionSetChecker checker;

    @BeforeEach
    void corpus() throws IOException {
        Path docs = Files.createDirectories(root.resolve("docs/site"));
        Files.writeString(docs.resolve("health.md"), "# Health\n\nThe probe listens on port\n8085 by default.\n");
        Files.writeString(docs.resolve("config.html"), """
                <html><head><title>Settings</title><style>.work_mem { color: red }</style></head>
                <body><div class="shared_buffers"><p>The default is <b>4MB</b> for
                <code>work_mem</code>.</p></div></body></html>""");
        Path manuals = Files.createDirectories(root.resolve("manuals"));
        pdf(manuals.resolve("guide.pdf"), "Use read.fwf for fixed width files.", "Set R_LIBS to add library trees.");
        checker = new QuestionSetChecker(root);
    }

    @Test
    void questionsWhoseStringsAreOnTheirPageOrFilePass() throws IOException {
        Path questions = questions(
                line("a", "docs/site", "health.md", null, "listens on port 8085", "8085"),
                line("b", "docs/site", "config.html", null, "default is 4MB", "WORK_MEM"),
                line("c", "manuals", "guide.pdf", 2, "R_LIBS", "library trees"));

        assertThat(checker.problems(questions)).isEmpty();
    }

    @Test
    void anAnswerThatIsOnAnotherPageOfThePdfFails() throws IOException {
        Path questions = questions(line("wrong-page", "manuals", "guide.pdf", 1, "read.fwf", "R_LIBS"));

        assertThat(checker.problems(questions)).singleElement().asString()
                .contains("wrong-page", "page 1 of guide.pdf", "answer_contains");
    }

    @Test
    void aPassageThatIsOnlyInTheHtmlMarkupFails() throws IOException {
        Path questions = questions(
                line("in-attribute", "docs/site", "config.html", null, "shared_buffers", "4MB"),
                line("in-style", "docs/site", "config.html", null, "color: red", "4MB"));

        assertThat(checker.problems(questions)).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("config.html holds none of passage_contains"));
    }

    @Test
    void aMissingSourceAPageBeyondTheEndAndAMissingCorpusAreReported() throws IOException {
        Path questions = questions(
                line("no-file", "docs/site", "gone.md", null, "x", "y"),
                line("no-page", "manuals", "guide.pdf", 3, "x", "y"),
                line("no-corpus", "elsewhere", "health.md", null, "x", "y"));

        assertThat(checker.problems(questions)).containsExactly(
                "q.jsonl:1 (no-file): no file gone.md in " + root.resolve("docs/site"),
                "q.jsonl:2 (no-page): guide.pdf has 2 pages, not 3",
                "q.jsonl:3 (no-corpus): no corpus folder " + root.resolve("elsewhere"));
    }

    @Test
    void duplicateIdsAndTheSameQuestionTwiceAreReported() throws IOException {
        String first = line("dup", "docs/site", "health.md", null, "8085", "8085");
        String again = first.replace("Question dup?", "Question   DUP?");
        Path questions = questions(first, again);

        assertThat(checker.problems(questions)).containsExactly(
                "q.jsonl:2: id dup is already used at q.jsonl:1",
                "q.jsonl:2 (dup): the same question is asked at q.jsonl:1");
    }

    @Test
    void missingOrMalformedFieldsAreReported() throws IOException {
        Path questions = questions(
                "{\"corpus\":\"docs/site\",\"question\":\"Q?\",\"source\":\"health.md\",\"passage_contains\":[\"8085\"],\"answer_contains\":[\"8085\"]}",
                "{\"id\":\"e\",\"corpus\":\"docs/site\",\"question\":\"Q2?\",\"source\":\"health.md\",\"passage_contains\":[],\"answer_contains\":[\" \"]}",
                "{\"id\":\"p\",\"corpus\":\"manuals\",\"question\":\"Q3?\",\"source\":\"guide.pdf\",\"passage_contains\":[\"x\"],\"answer_contains\":[\"x\"]}",
                "{\"id\":\"h\",\"corpus\":\"docs/site\",\"question\":\"Q4?\",\"source\":\"health.md\",\"page\":2,\"passage_contains\":[\"x\"],\"answer_contains\":[\"x\"]}",
                "not json");

        List<String> problems = checker.problems(questions);

        assertThat(problems).hasSize(6);
        assertThat(problems.subList(0, 5)).containsExactly(
                "q.jsonl:1: \"id\" must be a non-blank string",
                "q.jsonl:2: \"passage_contains\" must be a non-empty list of non-blank strings",
                "q.jsonl:2: \"answer_contains\" must be a non-empty list of non-blank strings",
                "q.jsonl:3: a PDF source needs \"page\", its 1-based physical page",
                "q.jsonl:4: \"page\" is only for a PDF source");
        assertThat(problems.get(5)).startsWith("q.jsonl:5: not JSON");
    }

    @Test
    void halvesMustBeDisjointCompleteAndTheSeededShuffle() throws IOException {
        List<String> all = List.of(
                line("d1", "docs/site", "health.md", null, "8085", "8085"),
                line("d2", "docs/site", "health.md", null, "probe", "8085"),
                line("m1", "manuals", "guide.pdf", 1, "read.fwf", "read.fwf"),
                line("m2", "manuals", "guide.pdf", 2, "R_LIBS", "R_LIBS"));
        Path whole = write("whole.jsonl", all);
        QuestionSplit split = QuestionSplit.of(EvalQuestion.read(whole), 7);
        List<String> tuning = linesOf(all, split.tuning());
        List<String> test = linesOf(all, split.test());

        assertThat(QuestionSetChecker.splitProblems(whole, write("t.jsonl", tuning), write("s.jsonl", test), 7)).isEmpty();
        assertThat(QuestionSetChecker.splitProblems(whole, write("t.jsonl", tuning), write("s.jsonl", all), 7))
                .hasSize(2).allSatisfy(problem -> assertThat(problem).contains("also in t.jsonl"));
        assertThat(QuestionSetChecker.splitProblems(whole, write("t.jsonl", tuning), write("s.jsonl", test.subList(1, 2)), 7))
                .singleElement().asString().endsWith("is in neither half");
        assertThat(QuestionSetChecker.splitProblems(whole, write("t.jsonl", test), write("s.jsonl", tuning), 7))
                .singleElement().asString().contains("not the halves that seed 7 gives");
        assertThat(QuestionSetChecker.splitProblems(whole, write("t.jsonl", tuning),
                write("s.jsonl", test.stream().map(line -> line.replace("?", "!?")).toList()), 7))
                .hasSize(4).anySatisfy(problem -> assertThat(problem).isEqualTo("s.jsonl:1: not a line of whole.jsonl"));
    }

    private static List<String> linesOf(List<String> all, List<EvalQuestion> half) {
        return all.stream().filter(line -> half.stream().anyMatch(q -> line.contains("\"id\":\"" + q.id() + "\""))).toList();
    }

    private static String line(String id, String corpus, String source, Integer page, String passage, String answer) {
        return "{\"id\":\"" + id + "\",\"corpus\":\"" + corpus + "\",\"question\":\"Question " + id + "?\",\"source\":\""
                + source + "\"" + (page == null ? "" : ",\"page\":" + page) + ",\"passage_contains\":[\"" + passage
                + "\"],\"answer_contains\":[\"" + answer + "\"]}";
    }

    private Path questions(String... lines) throws IOException {
        return write("q.jsonl", List.of(lines));
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(root.resolve(name), lines);
    }

    private static void pdf(Path file, String... pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
    }
}
