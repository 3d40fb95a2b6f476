package dev.docflow.agent.chat;

import dev.docflow.agent.citations.Citation;
import java.util.List;
import java.util.UUID;

/**
 * The service's reply to one message.
 *
 * @param answer the answer; its {@code [n]} markers refer to {@code citations}
 * @param citations the passages the answer cites; empty when there is no answer
 * @param conversationId the conversation the exchange was stored in; null when not stored
 * @param messageId the stored answer's id; null when not stored
 * @param warnings what the service corrected in the answer; null when nothing was
 */
public record ChatReply(
        String answer,
        List<Citation> citations,
        String knowledgeBase,
        UUID conversationId,
        UUID messageId,
        List<String> warnings) {

    public ChatReply {
        citations = List.copyOf(citations);
        warnings = warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings);
    }

    /** What the service answers when the knowledge base does not hold the answer. */
    public static String notFoundText(String knowledgeBase) {
        return "I could not find an answer to that in the knowledge base \"" + knowledgeBase + "\".";
    }
}
