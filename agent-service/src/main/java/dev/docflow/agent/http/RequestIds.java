package dev.docflow.agent.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.UUID;

/**
 * Gives every request an id, sent back as {@code X-Request-Id} and named in error bodies and in the
 * log lines about the request, so a tenant can quote it and an operator find the details.
 */
public final class RequestIds implements Handler {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "docflow.requestId";

    @Override
    public void handle(Context ctx) {
        String id = UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id; "none" for a request that never passed the handler (Javalin's own 404s). */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }
}
