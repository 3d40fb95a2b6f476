package dev.docflow.agent.http;

import dev.docflow.agent.auth.ApiKeys;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

/** The tenant of the request's API key ({@code Authorization: Bearer …} or {@code X-API-Key}); 401 without one. */
public final class ApiKeyTenantResolver implements TenantResolver {
    private final ApiKeys keys;

    public ApiKeyTenantResolver(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public String resolve(Context ctx) {
        String key = presentedKey(ctx);
        if (key == null) {
            throw new UnauthorizedResponse("Send an API key: Authorization: Bearer <key>");
        }
        return keys.tenantOf(key).orElseThrow(() -> new UnauthorizedResponse("The API key is not valid"));
    }

    /** The key the request carries, or null. */
    public static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String header = ctx.header("X-API-Key");
        return header == null || header.isBlank() ? null : header.strip();
    }
}
