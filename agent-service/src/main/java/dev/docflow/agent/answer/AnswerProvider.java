package dev.docflow.agent.answer;

import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.citations.Statement;
import dev.docflow.agent.retrieval.Question;
import java.util.List;

/**
 * Writes an answer from retrieved passages. Implementations say which passages each statement
 * rests on; numbering and rendering the citations is not their concern.
 */
public interface AnswerProvider {

    /**
     * @param passages candidate passages, best first
     * @return the answer's statements in reading order, each citing at least one of
     *     {@code passages} by index; empty when the passages do not answer the question
     */
    List<Statement> answer(Question question, List<Passage> passages);
}
