package dev.docflow.agent.http;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.knowledgebase.KnowledgeBaseService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
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
    private final ObjectMapper json;

    public KnowledgeBaseController(KnowledgeBaseService knowledgeBases, ObjectMapper json) {
        this.knowledgeBases = knowledgeBases;
        this.json = json;
    }

    /** {@code POST /api/knowledge-bases} with {@code {"name": …}}: 201 and its summary. */
    public void create(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json);
        JsonNode name = body.path("name");
        if (!name.isTextual()) {
            throw new InvalidRequestException("missing_field", "the body needs \"name\", the knowledge base's name");
        }
        ctx.status(HttpStatus.CREATED).json(knowledgeBases.create(TenantResolver.tenantOf(ctx), name.asText()));
    }

    /** {@code DELETE /api/knowledge-bases/{kb}}: 204 once its chunks, files and rows are gone. */
    public void delete(Context ctx) {
        knowledgeBases.delete(TenantResolver.tenantOf(ctx), ctx.pathParam("kb"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** {@code DELETE /api/knowledge-bases/{kb}/documents/{id}}: 204 once its chunks, file and row are gone. */
    public void deleteDocument(Context ctx) {
        knowledgeBases.deleteDocument(TenantResolver.tenantOf(ctx), ctx.pathParam("kb"), ctx.pathParam("id"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    public void list(Context ctx) {
        ctx.json(Map.of("knowledgeBases", knowledgeBases.list(TenantResolver.tenantOf(ctx))));
    }

    public void summary(Context ctx) {
        ctx.json(knowledgeBases.summary(TenantResolver.tenantOf(ctx), ctx.pathParam("kb")));
    }

    public void documents(Context ctx) {
        DocumentStatus status = status(ctx.queryParam("status"));
        int limit = (int) QueryParams.number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long offset = QueryParams.number(ctx, "offset", 0, 0, Long.MAX_VALUE);
        ctx.json(knowledgeBases.documents(TenantResolver.tenantOf(ctx), ctx.pathParam("kb"), status, limit, offset));
    }

    /** A status users may filter by: those a knowledge base's summary counts. */
    private static DocumentStatus status(String code) {
        if (code == null) {
            return null;
        }
        return DocumentStatus.SUMMARISED.stream().filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("invalid_status", "status must be one of "
                        + String.join(", ", DocumentStatus.SUMMARISED.stream().map(DocumentStatus::code).toList())
                        + "; got '" + code + "'"));
    }

    public void document(Context ctx) {
        ctx.json(knowledgeBases.document(TenantResolver.tenantOf(ctx), ctx.pathParam("kb"), ctx.pathParam("id")));
    }
}
