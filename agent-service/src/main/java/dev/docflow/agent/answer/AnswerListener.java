package dev.docflow.agent.answer;

import dev.docflow.agent.citations.Citation;
import java.util.List;

/**
 * Receives an answer while it is written: its citations once, before any text, then the text in
 * pieces. A streaming client sees these as they come; a plain request ignores them and takes the
 * finished reply.
 *
 * <p>Either method may throw {@link ClientDisconnectedException}; an answer provider lets it
 * propagate and stops its work (an open model stream included).
 */
public interface AnswerListener {
    AnswerListener NONE = new AnswerListener() {
        @Override
        public void citations(List<Citation> citations) {}

        @Override
        public void delta(String text) {}
    };

    /** The passages the coming text's {@code [n]} markers may refer to. */
    void citations(List<Citation> citations);

    /** The next piece of the answer's text, markers included. */
    void delta(String text);
}
