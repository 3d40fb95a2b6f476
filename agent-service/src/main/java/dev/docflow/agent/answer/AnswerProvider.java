package dev.docflow.agent.answer;

import dev.docflow.agent.citations.CitedAnswer;
import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.retrieval.Question;
import java.util.List;
import java.util.Optional;

/**
 * Writes an answer from retrieved passages, with {@code [n]} markers that refer to the citations it
 * gives the listener first.
 */
public interface AnswerProvider {

    /**
     * @param question the (standalone) question, as retrieval used it
     * @param passages candidate passages, best first
     * @param history earlier messages of the conversation, oldest first
     * @param listener told the citations, then the text as it is written
     * @param deadline when the answer must be finished; whatever the provider waits for, it waits no
     *     longer than this
     * @return the finished answer; empty, having told the listener nothing, when the passages do
     *     not answer the question
     * @throws AnswerDeadlineExceededException when the deadline passes first
     */
    Optional<CitedAnswer> answer(Question question, List<Passage> passages, List<Turn> history, AnswerListener listener,
            Deadline deadline);

    /** With no deadline. */
    default Optional<CitedAnswer> answer(Question question, List<Passage> passages, List<Turn> history,
            AnswerListener listener) {
        return answer(question, passages, history, listener, Deadline.NONE);
    }
}
