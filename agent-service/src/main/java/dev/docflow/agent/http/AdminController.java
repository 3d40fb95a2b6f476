package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.auth.ApiKeys;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * With the admin key only: {@code POST /api/admin/tenants} ({@code {"id": …}}) creates a tenant and
 * {@code POST /api/admin/tenants/{tenant}/keys} ({@code {"name": …}}) issues it a key, shown once.
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
        String key = keys.issue(tenant, name);
        ctx.status(HttpStatus.CREATED).json(Map.of("tenant", tenant, "name", name, "key", key));
    }

    private static void requireAdmin(Context ctx) {
        if (!TenantResolver.isAdmin(ctx)) {
            throw new ForbiddenResponse("Only the admin key (auth.admin-key) manages tenants and keys");
        }
    }
}
