package dev.docflow.agent.chat;

import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.retrieval.RetrievalFilter;
import dev.docflow.agent.retrieval.RetrievalMode;
import java.util.List;
import java.util.UUID;

/**
 * One chat message as the service takes it, whichever route it came by.
 *
 * @param conversationId continue this stored conversation; null to start a new one
 * @param history earlier messages given by the caller (the OpenAI-compatible route); used only
 *     when {@code conversationId} is null
 * @param topK passages to retrieve; null for the configured default
 * @param store whether to keep the exchange as a conversation
 */
public record ChatQuery(
        String tenant,
        String knowledgeBase,
        String message,
        UUID conversationId,
        List<Turn> history,
        RetrievalMode mode,
        RetrievalFilter filter,
        Integer topK,
        boolean store) {

    public ChatQuery {
        history = List.copyOf(history);
    }
}
