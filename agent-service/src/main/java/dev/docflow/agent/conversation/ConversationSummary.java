package dev.docflow.agent.conversation;

import dev.docflow.connectors.postgres.ConversationRecord;
import java.time.Instant;
import java.util.UUID;

/** A conversation as {@code GET /api/conversations} lists it. */
public record ConversationSummary(UUID id, String knowledgeBase, String title, Instant createdAt, Instant updatedAt,
        int messageCount) {

    static ConversationSummary of(ConversationRecord record) {
        return new ConversationSummary(record.id(), record.knowledgeBase(), record.title(), record.createdAt(),
                record.updatedAt(), record.messageCount());
    }
}
