package dev.docflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A retrieval question in the form of {@code shared/eval/questions-*.jsonl}.
 *
 * @param corpus folder under the corpus root to ingest as one knowledge base
 * @param source file name a correct citation names
 * @param page 1-based physical page of {@code source} holding the answer, 0 when not given
 */
public record EvalQuestion(
        String id,
        String corpus,
        String question,
        String source,
        int page,
        List<String> passageContains,
        List<String> answerContains) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<EvalQuestion> read(Path file) {
        List<EvalQuestion> questions = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                questions.add(parse(JSON.readTree(line), file + ":" + lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read questions from " + file + ": " + e.getMessage(), e);
        }
        return questions;
    }

    static EvalQuestion parse(JsonNode node, String where) {
        for (String field : new String[] {"corpus", "question", "source", "passage_contains"}) {
            if (!node.hasNonNull(field)) {
                throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
            }
        }
        return new EvalQuestion(
                node.path("id").asText(where),
                node.path("corpus").asText(),
                node.path("question").asText(),
                node.path("source").asText(),
                node.path("page").asInt(0),
                texts(node.path("passage_contains")),
                texts(node.path("answer_contains")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
