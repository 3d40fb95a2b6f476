package dev.docflow.agent.citations;

import java.util.List;

/**
 * One sentence (or clause) of an answer and the passages it rests on.
 *
 * @param text the statement, without citation markers
 * @param passages indexes into the passage list the answer was written from
 */
public record Statement(String text, List<Integer> passages) {
    public Statement {
        passages = List.copyOf(passages);
    }

    public static Statement of(String text, int passage) {
        return new Statement(text, List.of(passage));
    }
}
