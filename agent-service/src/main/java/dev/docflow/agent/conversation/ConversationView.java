package dev.docflow.agent.conversation;

import dev.docflow.agent.citations.Citation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation with its messages, oldest first: {@code GET /api/conversations/{id}}. */
public record ConversationView(UUID id, String knowledgeBase, String title, Instant createdAt, Instant updatedAt,
        List<Message> messages) {

    /**
     * @param role {@code user} or {@code assistant}
     * @param citations what the assistant's {@code [n]} markers refer to, with fresh links; null
     *     for a user message
     */
    public record Message(UUID id, String role, String text, List<Citation> citations, Instant createdAt) {}
}
