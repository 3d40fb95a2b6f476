package dev.docflow.agent.http;

import io.javalin.http.Context;

/**
 * Decides whose request this is. Runs once per API request, before any route, and stores the tenant
 * in the request; routes read it with {@link #tenantOf}. The service's resolver is
 * {@link ApiKeyTenantResolver} (401 without a valid key); tests may name the tenant otherwise.
 */
@FunctionalInterface
public interface TenantResolver {
    String ATTRIBUTE = "docflow.tenant";
    /** Set instead of a tenant when the request carries the admin key. */
    String ADMIN = "docflow.admin";

    String resolve(Context ctx);

    /** The tenant the resolver stored for this request. */
    static String tenantOf(Context ctx) {
        String tenant = ctx.attribute(ATTRIBUTE);
        if (tenant == null && isAdmin(ctx)) {
            throw new io.javalin.http.ForbiddenResponse(
                    "The admin key creates tenants and keys only; call this with a tenant's key");
        }
        if (tenant == null) {
            throw new IllegalStateException("No tenant resolved for " + ctx.path() + ": is the route outside /api/?");
        }
        return tenant;
    }

    static boolean isAdmin(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ADMIN));
    }
}
