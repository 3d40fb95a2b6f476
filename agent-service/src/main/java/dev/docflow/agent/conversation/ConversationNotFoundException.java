package dev.docflow.agent.conversation;

import java.util.UUID;

/** No conversation of that id belongs to the tenant (whether or not another tenant has one). */
public final class ConversationNotFoundException extends RuntimeException {
    public ConversationNotFoundException(UUID id) {
        super("No conversation " + id);
    }
}
