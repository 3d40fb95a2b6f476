package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.auth.ApiKeys;
import dev.docflow.connectors.postgres.ApiKeyRecord;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * With the admin key only: {@code POST /api/admin/tenants} ({@code {"id": …}}) creates a tenant,
 * {@code POST /api/admin/tenants/{tenant}/keys} ({@code {"name": …}}) issues it a key, shown once,
 * {@code GET /api/admin/tenants/{tenant}/keys} lists its keys (id, name, prefix, created, last used,
 * revoked; never a secret) and {@code DELETE /api/admin/tenants/{tenant}/keys/{id}} revokes one: the
 * key is refused (401) from the next request on.
 */
public final class AdminController {
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final ApiKeys keys;
    private final ObjectMapper json;

    public AdminController(ApiKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public void createTenant(Context ctx) {
        requireAdmin(ctx);
        String id = JsonBodies.object(ctx, json).path("id").asText("");
        if (!TENANT.matcher(id).matches()) {
            throw new InvalidRequestException("invalid_tenant",
                    "a tenant id is 1 to 63 lower-case letters, digits, '.', '-' or '_'; got '" + id + "'");
        }
        if (!keys.createTenant(id)) {
            throw new io.javalin.http.ConflictResponse("There is a tenant '" + id + "' already");
        }
        ctx.status(HttpStatus.CREATED).json(Map.of("id", id));
    }

    public void createKey(Context ctx) {
        requireAdmin(ctx);
        String tenant = ctx.pathParam("tenant");
        JsonNode body = ctx.body().isBlank() ? json.createObjectNode() : JsonBodies.object(ctx, json);
        String name = body.path("name").asText("key");
        if (!keys.tenantExists(tenant)) {
            throw new io.javalin.http.NotFoundResponse("There is no tenant '" + tenant + "'");
        }
        ApiKeys.IssuedKey key = keys.issueKey(tenant, name);
        ctx.status(HttpStatus.CREATED).json(Map.of("id", key.id(), "tenant", tenant, "name", name, "prefix", key.prefix(),
                "key", key.secret()));
    }

    public void listKeys(Context ctx) {
        requireAdmin(ctx);
        String tenant = existingTenant(ctx);
        List<ApiKeyView> views = keys.list(tenant).stream().map(ApiKeyView::of).toList();
        ctx.json(Map.of("tenant", tenant, "keys", views));
    }

    public void revokeKey(Context ctx) {
        requireAdmin(ctx);
        String tenant = existingTenant(ctx);
        UUID id = keyId(ctx.pathParam("id"));
        if (!keys.revoke(tenant, id)) {
            throw new NotFoundResponse("Tenant '" + tenant + "' has no key " + id);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** A key as listed: what tells it apart, never its secret. */
    record ApiKeyView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
            boolean revoked) {
        static ApiKeyView of(ApiKeyRecord key) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), key.createdAt(), key.lastUsedAt(), key.revokedAt(),
                    key.revokedAt() != null);
        }
    }

    private String existingTenant(Context ctx) {
        String tenant = ctx.pathParam("tenant");
        if (!keys.tenantExists(tenant)) {
            throw new NotFoundResponse("There is no tenant '" + tenant + "'");
        }
        return tenant;
    }

    private static UUID keyId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_request", "a key id is a UUID (the \"id\" its listing shows); got '"
                    + text + "'");
        }
    }

    private static void requireAdmin(Context ctx) {
        if (!TenantResolver.isAdmin(ctx)) {
            throw new ForbiddenResponse("Only the admin key (auth.admin-key) manages tenants and keys");
        }
    }
}
