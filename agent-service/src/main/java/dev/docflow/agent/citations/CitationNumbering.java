package dev.docflow.agent.citations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an answer's statements with {@code [n]} markers: only passages actually cited get a number,
 * in order of first appearance, so an answer reads [1], [2], … whatever the retrieval order was.
 */
public final class CitationNumbering {
    /** Fusion scores are around 1/60; four decimals tell them apart without noise. */
    private static final double SCORE_SCALE = 10_000;

    private CitationNumbering() {}

    /**
     * @param statements the answer, in reading order; each statement's passage indexes refer to
     *     {@code passages}
     * @throws IndexOutOfBoundsException when a statement cites a passage that is not in the list
     */
    public static CitedAnswer number(List<Statement> statements, List<Passage> passages) {
        Map<Integer, Integer> numbers = numbers(statements, passages);
        List<Citation> citations = new ArrayList<>(numbers.size());
        numbers.forEach((index, n) -> citations.add(citation(n, passages.get(index))));
        return new CitedAnswer(String.join("", pieces(statements, numbers)), citations);
    }

    /**
     * The text of {@link #number} cut after each statement and its markers: what a stream sends
     * one by one. Joined, the pieces are exactly the answer's text.
     */
    public static List<String> pieces(List<Statement> statements, List<Passage> passages) {
        return pieces(statements, numbers(statements, passages));
    }

    /** Every passage as a citation, numbered 1.. in list order: what a model is shown. */
    public static List<Citation> all(List<Passage> passages) {
        List<Citation> citations = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            citations.add(citation(i + 1, passages.get(i)));
        }
        return citations;
    }

    private static Map<Integer, Integer> numbers(List<Statement> statements, List<Passage> passages) {
        Map<Integer, Integer> numbers = new LinkedHashMap<>(); // passage index -> n
        for (Statement statement : statements) {
            for (int passage : statement.passages()) {
                if (passage < 0 || passage >= passages.size()) {
                    throw new IndexOutOfBoundsException(
                            "statement cites passage " + passage + " of " + passages.size());
                }
                numbers.computeIfAbsent(passage, unused -> numbers.size() + 1);
            }
        }
        return numbers;
    }

    private static List<String> pieces(List<Statement> statements, Map<Integer, Integer> numbers) {
        List<String> pieces = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            StringBuilder piece = new StringBuilder();
            if (!pieces.isEmpty()) {
                piece.append(' ');
            }
            piece.append(statement.text().strip());
            for (int passage : statement.passages()) {
                piece.append(" [").append(numbers.get(passage)).append(']');
            }
            pieces.add(piece.toString());
        }
        return pieces;
    }

    private static Citation citation(int n, Passage passage) {
        boolean paged = passage.pageStart() > 0;
        return new Citation(
                n,
                passage.documentId(),
                passage.fileName(),
                passage.partPath().isEmpty() ? null : passage.partPath(),
                paged ? passage.pageStart() : null,
                paged ? passage.pageEnd() : null,
                passage.headingPath().isEmpty() ? null : passage.headingPath(),
                passage.text(),
                Math.round(passage.score() * SCORE_SCALE) / SCORE_SCALE,
                null);
    }
}
