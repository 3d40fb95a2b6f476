package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.conversation.ConversationService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.UUID;

/**
 * {@code GET /api/conversations[?knowledgeBase=…&limit=…]}, {@code GET /api/conversations/{id}},
 * {@code DELETE /api/conversations/{id}}: always the calling tenant's.
 */
public final class ConversationController {
    static final int DEFAULT_LIMIT = 50;

    private final ConversationService conversations;

    public ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    public void list(Context ctx) {
        String knowledgeBase = ctx.queryParam("knowledgeBase");
        int limit = (int) QueryParams.number(ctx, "limit", DEFAULT_LIMIT, 1, ConversationService.MAX_LIST);
        ctx.json(java.util.Map.of("conversations", conversations.list(TenantResolver.tenantOf(ctx),
                knowledgeBase == null || knowledgeBase.isBlank() ? null : knowledgeBase.strip(), limit)));
    }

    public void read(Context ctx) {
        ctx.json(conversations.read(TenantResolver.tenantOf(ctx), id(ctx)));
    }

    public void delete(Context ctx) {
        conversations.delete(TenantResolver.tenantOf(ctx), id(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_request", "\"" + ctx.pathParam("id") + "\" is not a conversation id (a UUID)");
        }
    }
}
