package dev.docflow.agent.http;

import io.javalin.http.Context;

/**
 * Decides whose request this is. Runs once per API request, before any route, and stores the tenant
 * in the request; routes read it with {@link #tenantOf}. Today every request belongs to the
 * configured default tenant; API keys will plug in here (throwing {@code UnauthorizedResponse} for
 * a bad key, which {@link ErrorMapping} answers as 401).
 */
@FunctionalInterface
public interface TenantResolver {
    String ATTRIBUTE = "docflow.tenant";

    String resolve(Context ctx);

    static TenantResolver fixed(String tenant) {
        return ctx -> tenant;
    }

    /** The tenant the resolver stored for this request. */
    static String tenantOf(Context ctx) {
        String tenant = ctx.attribute(ATTRIBUTE);
        if (tenant == null) {
            throw new IllegalStateException("No tenant resolved for " + ctx.path() + ": is the route outside /api/?");
        }
        return tenant;
    }
}
