package dev.docflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a question file of the form of {@code shared/eval/README.md} against the corpus it is
 * about, so that a question that cannot be answered from its own source is caught before it is
 * counted as a retrieval failure: every line a JSON object with a non-blank {@code id},
 * {@code corpus}, {@code question} and {@code source}, non-empty {@code passage_contains} and
 * {@code answer_contains}, and a {@code page} (1-based) exactly when the source is a PDF; ids and
 * questions unique; the source a file of the corpus folder; and its page (a PDF) or its text
 * (anything else; an HTML page's visible text) containing one of {@code passage_contains} and one
 * of {@code answer_contains}, compared as the judge compares (case-insensitive), with runs of white
 * space counted as one space, since a PDF's text layer breaks lines where the typesetter did.
 */
public final class QuestionSetChecker {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path corpusRoot;

    /** @param corpusRoot the folder the questions' {@code corpus} paths are under ({@code shared/corpus}) */
    public QuestionSetChecker(Path corpusRoot) {
        this.corpusRoot = corpusRoot;
    }

    /** @return one message per problem, naming the line and the question; empty when the file is sound */
    public List<String> problems(Path questionsFile) {
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> questions = new HashMap<>();
        try (SourceText texts = new SourceText()) {
            int lineNumber = 0;
            for (String line : lines(questionsFile)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String where = questionsFile.getFileName() + ":" + lineNumber;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    problems.add(where + ": not JSON: " + e.getOriginalMessage());
                    continue;
                }
                List<String> fieldProblems = fieldProblems(node, where);
                problems.addAll(fieldProblems);
                if (!fieldProblems.isEmpty()) {
                    continue;
                }
                EvalQuestion question = EvalQuestion.parse(node, where);
                String earlier = ids.putIfAbsent(question.id(), where);
                if (earlier != null) {
                    problems.add(where + ": id " + question.id() + " is already used at " + earlier);
                }
                String sameQuestion = questions.putIfAbsent(normalised(question.question()), where);
                if (sameQuestion != null) {
                    problems.add(where + " (" + question.id() + "): the same question is asked at " + sameQuestion);
                }
                problems.addAll(textProblems(question, where, texts));
            }
        }
        return problems;
    }

    /**
     * Checks that {@code tuning} and {@code test} are the halves {@link QuestionSplit} cuts
     * {@code whole} into with {@code seed}: each line a line of the whole set, the halves disjoint,
     * together the whole set, and the same questions in each as the seeded shuffle gives.
     */
    public static List<String> splitProblems(Path whole, Path tuning, Path test, long seed) {
        List<String> problems = new ArrayList<>();
        List<String> wholeLines = nonBlank(lines(whole));
        Set<String> known = new HashSet<>(wholeLines);
        Map<String, Path> seenIn = new HashMap<>();
        for (Path half : List.of(tuning, test)) {
            int lineNumber = 0;
            for (String line : nonBlank(lines(half))) {
                lineNumber++;
                if (!known.contains(line)) {
                    problems.add(half.getFileName() + ":" + lineNumber + ": not a line of " + whole.getFileName());
                    continue;
                }
                Path other = seenIn.put(line, half);
                if (other != null) {
                    problems.add(half.getFileName() + ":" + lineNumber + ": also in " + other.getFileName());
                }
            }
        }
        for (String line : wholeLines) {
            if (!seenIn.containsKey(line)) {
                problems.add(whole.getFileName() + ": " + idOf(line) + " is in neither half");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        QuestionSplit expected = QuestionSplit.of(EvalQuestion.read(whole), seed);
        if (!ids(expected.tuning()).equals(ids(EvalQuestion.read(tuning)))
                || !ids(expected.test()).equals(ids(EvalQuestion.read(test)))) {
            problems.add(tuning.getFileName() + " and " + test.getFileName()
                    + " are not the halves that seed " + seed + " gives (see QuestionSplit)");
        }
        return problems;
    }

    static List<String> fieldProblems(JsonNode node, String where) {
        if (!node.isObject()) {
            return List.of(where + ": not a JSON object");
        }
        List<String> problems = new ArrayList<>();
        for (String field : new String[] {"id", "corpus", "question", "source"}) {
            if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                problems.add(where + ": \"" + field + "\" must be a non-blank string");
            }
        }
        for (String field : new String[] {"passage_contains", "answer_contains"}) {
            JsonNode values = node.path(field);
            boolean sound = values.isArray() && !values.isEmpty();
            for (JsonNode value : values) {
                sound &= value.isTextual() && !value.asText().isBlank();
            }
            if (!sound) {
                problems.add(where + ": \"" + field + "\" must be a non-empty list of non-blank strings");
            }
        }
        boolean pdf = node.path("source").asText().toLowerCase(Locale.ROOT).endsWith(".pdf");
        JsonNode page = node.get("page");
        if (pdf && (page == null || !page.canConvertToInt() || !page.isIntegralNumber() || page.asInt() < 1)) {
            problems.add(where + ": a PDF source needs \"page\", its 1-based physical page");
        } else if (!pdf && page != null) {
            problems.add(where + ": \"page\" is only for a PDF source");
        }
        return problems;
    }

    private List<String> textProblems(EvalQuestion question, String where, SourceText texts) {
        String about = where + " (" + question.id() + ")";
        Path folder = corpusRoot.resolve(question.corpus());
        if (!Files.isDirectory(folder)) {
            return List.of(about + ": no corpus folder " + folder);
        }
        Path source = folder.resolve(question.source());
        if (!Files.isRegularFile(source)) {
            return List.of(about + ": no file " + question.source() + " in " + folder);
        }
        String text;
        String what;
        if (question.page() > 0) {
            int pages = texts.pageCount(source);
            if (question.page() > pages) {
                return List.of(about + ": " + question.source() + " has " + pages + " pages, not " + question.page());
            }
            text = texts.page(source, question.page());
            what = "page " + question.page() + " of " + question.source();
        } else {
            text = texts.file(source);
            what = question.source();
        }
        String haystack = normalised(text);
        List<String> problems = new ArrayList<>();
        if (question.passageContains().stream().noneMatch(needle -> haystack.contains(normalised(needle)))) {
            problems.add(about + ": " + what + " holds none of passage_contains " + question.passageContains());
        }
        if (question.answerContains().stream().noneMatch(needle -> haystack.contains(normalised(needle)))) {
            problems.add(about + ": " + what + " holds none of answer_contains " + question.answerContains());
        }
        return problems;
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

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }

    private static Set<String> ids(List<EvalQuestion> questions) {
        Set<String> ids = new LinkedHashSet<>();
        questions.forEach(question -> ids.add(question.id()));
        return ids;
    }

    private static String idOf(String line) {
        try {
            return JSON.readTree(line).path("id").asText(line);
        } catch (JsonProcessingException e) {
            return line;
        }
    }
}
