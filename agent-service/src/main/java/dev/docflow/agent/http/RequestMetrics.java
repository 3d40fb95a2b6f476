package dev.docflow.agent.http;

import dev.docflow.agent.operations.ServiceMetrics;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.RequestLogger;
import io.javalin.router.InternalRouter;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the end of every request: its latency by route and status, a rejection by the limit it hit,
 * and a debug line. The route is the template a request matched ({@code /api/knowledge-bases/{kb}}),
 * looked up in the router by method and path, so requests refused before their route ran (401, 429)
 * count under it too; the console's files count as {@code /console/*} and anything else as
 * {@value #UNMATCHED}: a label never holds a raw path, hence never a tenant's text or an id.
 */
public final class RequestMetrics implements RequestLogger {
    private static final Logger LOG = LoggerFactory.getLogger(RequestMetrics.class);
    static final String UNMATCHED = "unmatched";

    private final ServiceMetrics metrics;
    private final Supplier<InternalRouter> router;

    /** @param router Javalin's, read at each request (it is complete only once the app is built) */
    public RequestMetrics(ServiceMetrics metrics, Supplier<InternalRouter> router) {
        this.metrics = metrics;
        this.router = router;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        int status = ctx.statusCode();
        String route = route(ctx);
        metrics.request(ctx.method().name(), route, status, Math.round(executionTimeMs * 1_000_000d));
        if (status == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
            metrics.rejected(ErrorMapping.codeOf(ctx).orElse("too_many_requests"));
        }
        LOG.debug("http method={} path={} route={} status={} tookMs={}", ctx.method(), ctx.path(), route, status,
                Math.round(executionTimeMs));
    }

    private String route(Context ctx) {
        return router.get().findHttpHandlerEntries(ctx.method(), ctx.path()).findFirst()
                .map(entry -> entry.getEndpoint().getPath())
                .orElseGet(() -> ctx.path().startsWith(ConsolePlugin.ASSETS_PATH + "/") ? ConsolePlugin.ASSETS_PATH + "/*"
                        : UNMATCHED);
    }
}
