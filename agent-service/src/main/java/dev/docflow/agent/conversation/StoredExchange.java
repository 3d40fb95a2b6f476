package dev.docflow.agent.conversation;

import java.util.UUID;

/** Where an exchange was stored: its conversation, and the answer's message id. */
public record StoredExchange(UUID conversationId, UUID messageId) {}
