package dev.docflow.agent.http;

import dev.docflow.agent.operations.Readiness;
import dev.docflow.agent.operations.ReadinessReport;
import dev.docflow.agent.operations.ServiceMetrics;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * What operators and their tools ask, without a key, wherever the API listens (127.0.0.1 unless
 * {@code http.host} says otherwise): {@code GET /health}, the process serves requests;
 * {@code GET /ready}, the servers it needs answer ({@link Readiness}; 503 naming those that do not,
 * or while stopping); {@code GET /metrics}, Prometheus' text format ({@link ServiceMetrics}).
 */
public final class OperationsController {
    /** What Prometheus expects for its text format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Readiness readiness;
    private final ServiceMetrics metrics;

    public OperationsController(Readiness readiness, ServiceMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    public void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    public void ready(Context ctx) {
        ReadinessReport report = readiness.check();
        ctx.header("Cache-Control", "no-store");
        ctx.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
    }

    public void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }
}
