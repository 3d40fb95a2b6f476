package dev.docflow.agent.http;

import dev.docflow.agent.auth.AdminKey;
import dev.docflow.agent.auth.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * Runs before every {@code /api} and {@code /v1} route: the admin key marks the request as the
 * admin's; any other key must name a tenant (401 otherwise), within its rate limit (429 with
 * {@code Retry-After} beyond it).
 */
public final class Authentication implements Handler {
    private final AdminKey admin;
    private final TenantResolver tenants;
    private final RateLimiter limiter;
    private final int requestsPerMinute;

    public Authentication(AdminKey admin, TenantResolver tenants, int requestsPerMinute) {
        this.admin = admin;
        this.tenants = tenants;
        this.limiter = new RateLimiter(requestsPerMinute);
        this.requestsPerMinute = requestsPerMinute;
    }

    @Override
    public void handle(Context ctx) {
        if (admin.matches(ApiKeyTenantResolver.presentedKey(ctx))) {
            ctx.attribute(TenantResolver.ADMIN, true);
            return;
        }
        String tenant = tenants.resolve(ctx);
        long retryAfter = limiter.acquire(tenant, System.nanoTime());
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(), "Tenant " + tenant
                    + " is over its " + requestsPerMinute + " requests a minute; retry in " + retryAfter + " s");
        }
        ctx.attribute(TenantResolver.ATTRIBUTE, tenant);
    }
}
