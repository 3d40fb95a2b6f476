package dev.docflow.agent.chat;

import dev.docflow.agent.retrieval.RetrievalMode;
import java.time.Duration;

/** Where {@link ChatService} reports how long the stages of an answer took (the service's metrics). */
public interface ChatTimings {
    ChatTimings NONE = new ChatTimings() {
        @Override
        public void retrieved(RetrievalMode mode, Duration took) {}

        @Override
        public void answered(boolean found, Duration took) {}
    };

    /** The question encoded, searched and its passages checked citable. */
    void retrieved(RetrievalMode mode, Duration took);

    /**
     * The answer written to its last word (for a stream, sent), from the retrieved passages.
     *
     * @param found false for the "not found" answer
     */
    void answered(boolean found, Duration took);
}
