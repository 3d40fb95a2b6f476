package dev.docflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks an off-topic question file ({@link OffTopicQuestion}) against the corpora it is asked of:
 * every line sound, ids and questions unique, the corpus folder there, and none of a question's
 * {@code absent} words anywhere in the folder (every file, as {@link SourceText} reads it; a PDF
 * that cannot be opened, such as an encrypted one, holds no text a knowledge base could answer from).
 * Words are compared as {@link QuestionSetChecker} compares: case-insensitive, white space runs as one.
 */
public final class OffTopicChecker {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path corpusRoot;
    private final Map<String, String> corpusTexts = new HashMap<>();

    public OffTopicChecker(Path corpusRoot) {
        this.corpusRoot = corpusRoot;
    }

    /** @return one message per problem, naming the line and the question; empty when the file is sound */
    public List<String> problems(Path file) {
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> questions = new HashMap<>();
        int lineNumber = 0;
        for (String line : lines(file)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String where = file.getFileName() + ":" + lineNumber;
            OffTopicQuestion question;
            try {
                question = OffTopicQuestion.parse(JSON.readTree(line), where);
            } catch (JsonProcessingException e) {
                problems.add(where + ": not JSON: " + e.getOriginalMessage());
                continue;
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            String earlier = ids.putIfAbsent(question.id(), where);
            if (earlier != null) {
                problems.add(where + ": id " + question.id() + " is already used at " + earlier);
            }
            String same = questions.putIfAbsent(normalised(question.question()), where);
            if (same != null) {
                problems.add(where + " (" + question.id() + "): the same question is asked at " + same);
            }
            Path folder = corpusRoot.resolve(question.corpus());
            if (!Files.isDirectory(folder)) {
                problems.add(where + " (" + question.id() + "): no corpus folder " + folder);
                continue;
            }
            String text = corpusTexts.computeIfAbsent(question.corpus(), corpus -> corpusText(folder));
            for (String word : question.absent()) {
                if (text.contains(normalised(word))) {
                    problems.add(where + " (" + question.id() + "): \"" + word + "\" occurs in " + question.corpus()
                            + ", so its knowledge base may hold the answer");
                }
            }
        }
        return problems;
    }

    /**
     * Checks that {@code tuning} and {@code test} hold exactly the questions of the halves
     * {@link OffTopicQuestion#split} cuts {@code whole} into with {@code seed}, each in the whole set's order.
     */
    public static List<String> splitProblems(Path whole, Path tuning, Path test, long seed) {
        List<List<OffTopicQuestion>> expected = OffTopicQuestion.split(OffTopicQuestion.read(whole), seed);
        List<String> problems = new ArrayList<>();
        if (!OffTopicQuestion.read(tuning).equals(expected.get(0))) {
            problems.add(tuning.getFileName() + " is not the tuning half that seed " + seed + " cuts from " + whole.getFileName());
        }
        if (!OffTopicQuestion.read(test).equals(expected.get(1))) {
            problems.add(test.getFileName() + " is not the test half that seed " + seed + " cuts from " + whole.getFileName());
        }
        return problems;
    }

    private static String corpusText(Path folder) {
        StringBuilder text = new StringBuilder();
        try (SourceText texts = new SourceText(); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                text.append(normalised(textOf(file, texts))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        return text.toString();
    }

    private static String textOf(Path file, SourceText texts) {
        try {
            if (SourceText.isPdf(file)) {
                return texts.document(file);
            }
            if (SourceText.isHtml(file)) {
                return texts.file(file);
            }
            // lenient: a binary file's bytes become replacement characters, not an error
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return ""; // unreadable (encrypted, corrupt): the knowledge base cannot answer from it either
        }
    }

    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
