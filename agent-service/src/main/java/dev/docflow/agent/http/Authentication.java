package dev.docflow.agent.http;

import dev.docflow.agent.auth.AdminKey;
import dev.docflow.agent.auth.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;

/**
 * Runs before every {@code /api} and {@code /v1} route: the admin key marks the request as the
 * admin's; any other key must name a tenant (401 otherwise), within its rate limit (429 with
 * {@code Retry-After} beyond it).
 *
 * <p>Requests without a valid key are limited per client address ({@code ctx.ip()}, the peer of the
 * connection: a forwarded-for header is not trusted): once an address is over
 * {@code auth.failed-attempts-per-minute}, its requests get 429 {@code too_many_failed_authentications}
 * without their key being looked up, until its budget refills. Addresses behind one proxy share it.
 */
public final class Authentication implements Handler {
    private final AdminKey admin;
    private final TenantResolver tenants;
    private final RateLimiter limiter;
    private final int requestsPerMinute;
    private final RateLimiter failures;
    private final int failuresPerMinute;

    public Authentication(AdminKey admin, TenantResolver tenants, int requestsPerMinute, int failedAuthenticationsPerMinute) {
        this.admin = admin;
        this.tenants = tenants;
        this.limiter = new RateLimiter(requestsPerMinute);
        this.requestsPerMinute = requestsPerMinute;
        this.failures = new RateLimiter(failedAuthenticationsPerMinute);
        this.failuresPerMinute = failedAuthenticationsPerMinute;
    }

    @Override
    public void handle(Context ctx) {
        if (admin.matches(ApiKeyTenantResolver.presentedKey(ctx))) {
            ctx.attribute(TenantResolver.ADMIN, true);
            return;
        }
        String address = ctx.ip();
        long blockedFor = failures.peek(address, System.nanoTime());
        if (blockedFor > 0) {
            throw new TooManyRequestsException("too_many_failed_authentications", "Too many requests without a valid key"
                    + " from this address (over " + failuresPerMinute + " a minute); retry in " + blockedFor + " s",
                    blockedFor);
        }
        String tenant;
        try {
            tenant = tenants.resolve(ctx);
        } catch (UnauthorizedResponse e) {
            failures.acquire(address, System.nanoTime());
            throw e;
        }
        long retryAfter = limiter.acquire(tenant, System.nanoTime());
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(), "Tenant " + tenant
                    + " is over its " + requestsPerMinute + " requests a minute; retry in " + retryAfter + " s");
        }
        ctx.attribute(TenantResolver.ATTRIBUTE, tenant);
    }
}
