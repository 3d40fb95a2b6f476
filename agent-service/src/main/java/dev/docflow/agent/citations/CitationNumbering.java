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
        Map<Integer, Integer> numbers = new LinkedHashMap<>(); // passage index -> n
        StringBuilder text = new StringBuilder();
        for (Statement statement : statements) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(statement.text().strip());
            for (int passage : statement.passages()) {
                if (passage < 0 || passage >= passages.size()) {
                    throw new IndexOutOfBoundsException(
                            "statement cites passage " + passage + " of " + passages.size());
                }
                int n = numbers.computeIfAbsent(passage, unused -> numbers.size() + 1);
                text.append(" [").append(n).append(']');
            }
        }
        List<Citation> citations = new ArrayList<>(numbers.size());
        numbers.forEach((index, n) -> citations.add(citation(n, passages.get(index))));
        return new CitedAnswer(text.toString(), citations);
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
                Math.round(passage.score() * SCORE_SCALE) / SCORE_SCALE);
    }
}
