package dev.docflow.connectors.postgres;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored message.
 *
 * @param role {@code user} or {@code assistant}
 * @param citations the assistant message's citations as a JSON array; null for a user message
 */
public record MessageRecord(UUID id, UUID conversationId, int seq, String role, String text, String citations, Instant createdAt) {}
