package dev.docflow.connectors.postgres;

import java.time.Instant;
import java.util.UUID;

/** A conversation as listed: which knowledge base it is over, and how many messages it holds. */
public record ConversationRecord(
        UUID id,
        UUID knowledgeBaseId,
        String knowledgeBase,
        String title,
        Instant createdAt,
        Instant updatedAt,
        int messageCount) {}
