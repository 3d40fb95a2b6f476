package dev.docflow.agent.http;

import dev.docflow.agent.knowledgebase.KnowledgeBaseService;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET /api/knowledge-bases}, {@code GET /api/knowledge-bases/{kb}},
 * {@code GET /api/knowledge-bases/{kb}/documents?status=&limit=&offset=} and
 * {@code GET /api/knowledge-bases/{kb}/documents/{id}}: the caller's knowledge bases and what became
 * of each document, failures with their stage and reason.
 */
public final class KnowledgeBaseController {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final KnowledgeBaseService knowledgeBases;

    public KnowledgeBaseController(KnowledgeBaseService knowledgeBases) {
        this.knowledgeBases = knowledgeBases;
    }

    public void list(Context ctx) {
        ctx.json(Map.of("knowledgeBases", knowledgeBases.list(TenantResolver.tenantOf(ctx))));
    }

    public void summary(Context ctx) {
        ctx.json(knowledgeBases.summary(TenantResolver.tenantOf(ctx), ctx.pathParam("kb")));
    }

    public void documents(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && !KnowledgeBaseService.STATUSES.contains(status)) {
            throw new InvalidRequestException("invalid_status",
                    "status must be one of " + String.join(", ", KnowledgeBaseService.STATUSES) + "; got '" + status + "'");
        }
        int limit = (int) number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long offset = number(ctx, "offset", 0, 0, Long.MAX_VALUE);
        ctx.json(knowledgeBases.documents(TenantResolver.tenantOf(ctx), ctx.pathParam("kb"), status, limit, offset));
    }

    public void document(Context ctx) {
        ctx.json(knowledgeBases.document(TenantResolver.tenantOf(ctx), ctx.pathParam("kb"), ctx.pathParam("id")));
    }

    private static long number(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("invalid_" + name,
                name + " must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max) + "; got '" + value + "'");
    }
}
