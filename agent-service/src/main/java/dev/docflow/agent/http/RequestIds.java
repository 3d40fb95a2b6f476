package dev.docflow.agent.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it sends a sensible one (so one
 * id follows a request through a proxy and the services behind it), a new UUID otherwise. It is
 * sent back as {@code X-Request-Id}, named in error bodies, and put in the logging context
 * ({@value #MDC_KEY}), so every log line of the request carries it; {@link InFlightRequests} takes
 * it off when the request ends.
 */
public final class RequestIds implements Handler {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "docflow.requestId";
    /** What a caller's id may be: short, and nothing that could forge a log line or a header. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    public void handle(Context ctx) {
        String id = accepted(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** {@code offered} if it is a sensible id, else a new one. */
    static String accepted(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The request's id; "none" for a request that never passed the handler (Javalin's own 404s). */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }
}
