package dev.docflow.agent.conversation;

import java.util.List;

/**
 * Turns a follow-up ("and on Windows?") into a question that retrieval can answer on its own, using
 * the conversation so far.
 */
public interface FollowUpRewriter {

    /**
     * @param history earlier messages, oldest first; empty for a new conversation
     * @return the question to retrieve and answer with; {@code message} itself when there is no
     *     history
     */
    String standalone(String message, List<Turn> history);
}
