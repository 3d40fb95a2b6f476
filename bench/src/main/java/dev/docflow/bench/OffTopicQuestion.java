package dev.docflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question its knowledge base cannot answer ({@code eval/off-topic.jsonl}): the right reply is the
 * service's refusal, no citations. Asked beside the answerable questions, it measures the other side
 * of the answer thresholds: a gate that admits everything answers these with whatever it retrieved.
 *
 * @param corpus the folder whose knowledge base is asked
 * @param absent words the question turns on, none of which occurs in any file of the corpus
 *     ({@link OffTopicChecker} checks it), so no passage can hold the answer
 */
public record OffTopicQuestion(String id, String corpus, Kind kind, String question, List<String> absent) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind {
        /** Everyday matters far from every corpus (cooking, sport, gardening). */
        UNRELATED,
        /** The corpus' own field, another product (MongoDB asked of the PostgreSQL manual). */
        NEARBY;

        static Kind parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OffTopicQuestion {
        absent = List.copyOf(absent);
    }

    public static List<OffTopicQuestion> read(Path file) {
        List<OffTopicQuestion> questions = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file)) {
                lineNumber++;
                if (!line.isBlank()) {
                    questions.add(parse(JSON.readTree(line), file.getFileName() + ":" + lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read off-topic questions from " + file + ": " + e.getMessage(), e);
        }
        return questions;
    }

    /** @throws IllegalArgumentException naming {@code where} and the field that is missing or wrong */
    static OffTopicQuestion parse(JsonNode node, String where) {
        for (String field : new String[] {"id", "corpus", "kind", "question"}) {
            if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-blank string");
            }
        }
        Kind kind;
        try {
            kind = Kind.parse(node.path("kind").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": \"kind\" is unrelated or nearby, not " + node.path("kind"));
        }
        List<String> absent = new ArrayList<>();
        node.path("absent").forEach(word -> absent.add(word.asText()));
        if (absent.isEmpty() || absent.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(where + ": \"absent\" must be a non-empty list of non-blank strings");
        }
        return new OffTopicQuestion(node.path("id").asText(), node.path("corpus").asText(), kind,
                node.path("question").asText(), absent);
    }

    /** The halves {@link QuestionSplit}'s rule cuts {@code questions} into: tuning first, then test. */
    public static List<List<OffTopicQuestion>> split(List<OffTopicQuestion> questions, long seed) {
        Set<OffTopicQuestion> tuning = QuestionSplit.tuningPart(questions, OffTopicQuestion::corpus, seed);
        List<OffTopicQuestion> tuningHalf = new ArrayList<>();
        List<OffTopicQuestion> testHalf = new ArrayList<>();
        questions.forEach(question -> (tuning.contains(question) ? tuningHalf : testHalf).add(question));
        return List.of(tuningHalf, testHalf);
    }
}
