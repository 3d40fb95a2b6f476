package dev.docflow.agent.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The service's meters, in Prometheus' text format for {@code GET /metrics}. Labels hold only
 * bounded values (route templates, status codes, modes, limit names): never a tenant, a knowledge
 * base, an id or a raw path. The names as Prometheus shows them are listed in the README
 * (Operations); {@code OperationsIT} reads them from a real scrape.
 *
 * <p>Latencies are histograms with fixed buckets ({@link #LATENCY_BUCKETS}), so p50/p95/p99 come
 * from {@code histogram_quantile} over any set of instances.
 */
public final class ServiceMetrics implements AutoCloseable {
    /** From a cached read to a slow language model's whole answer (the deadline's default is 120 s). */
    static final Duration[] LATENCY_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A request answered: {@code http_server_requests_seconds{method,route,status}}. */
    public void request(String method, String route, int status, long nanos) {
        latency("http.server.requests", "HTTP requests by route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    /** Encoding the question and searching: {@code docflow_chat_retrieval_seconds{mode}}. */
    public void retrieval(String mode, Duration took) {
        latency("docflow.chat.retrieval", "Encoding the question and searching the index, per chat answer")
                .tag("mode", mode).register(registry).record(took);
    }

    /** Writing the answer, to its last word: {@code docflow_chat_answer_seconds{outcome}}. */
    public void answer(String outcome, Duration took) {
        latency("docflow.chat.answer", "Writing an answer from the retrieved passages, to its last word")
                .tag("outcome", outcome).register(registry).record(took);
    }

    /** A file accepted by an upload: {@code docflow_upload_bytes_total}, {@code docflow_upload_files_total{status}}. */
    public void uploaded(String status, long bytes) {
        Counter.builder("docflow.upload.bytes").description("Bytes of the files accepted by uploads")
                .register(registry).increment(bytes);
        Counter.builder("docflow.upload.files").description("Files accepted by uploads, by what became of them")
                .tag("status", status).register(registry).increment();
        DistributionSummary.builder("docflow.upload.file.size").baseUnit("bytes").description("Sizes of the files accepted")
                .serviceLevelObjectives(1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9).register(registry).record(bytes);
    }

    /** A request refused by a limit: {@code docflow_rate_limit_rejections_total{limit}}. */
    public void rejected(String limit) {
        Counter.builder("docflow.rate.limit.rejections")
                .description("Requests refused with 429, by the limit they hit (the error code)")
                .tag("limit", limit).register(registry).increment();
    }

    /** {@code docflow_outbox_events} and {@code docflow_outbox_oldest_age_seconds}. */
    public void outbox(CachedReading<OutboxBacklog> backlog) {
        // strong references: Micrometer holds a gauge's object weakly, and nothing else holds these
        Gauge.builder("docflow.outbox.events", backlog, b -> b.gauge(OutboxBacklog::events)).strongReference(true)
                .description("Upload events waiting in the outbox for Kafka").register(registry);
        Gauge.builder("docflow.outbox.oldest.age.seconds", backlog,
                        b -> b.gauge(o -> o.oldestAgeSeconds() == null ? 0 : o.oldestAgeSeconds())).strongReference(true)
                .description("How long the oldest upload event has waited in the outbox (0 when empty)").register(registry);
    }

    /** {@code docflow_documents{status="uploaded"|"processing"}}: what the ingestion jobs have yet to settle. */
    public void documentBacklog(CachedReading<DocumentBacklog> backlog) {
        Gauge.builder("docflow.documents", backlog, b -> b.gauge(DocumentBacklog::uploaded)).strongReference(true).tag("status", "uploaded")
                .description("Documents waiting for the ingestion jobs, by status (all tenants)").register(registry);
        Gauge.builder("docflow.documents", backlog, b -> b.gauge(DocumentBacklog::processing)).strongReference(true).tag("status", "processing")
                .description("Documents waiting for the ingestion jobs, by status (all tenants)").register(registry);
    }

    /** {@code docflow_http_requests_in_flight}: requests being served now (operations routes aside). */
    public void requestsInFlight(IntSupplier inFlight) {
        Gauge.builder("docflow.http.requests.in.flight", inFlight, supplier -> supplier.getAsInt()).strongReference(true)
                .description("Requests being served now, /health, /ready and /metrics aside").register(registry);
    }

    /** Everything, in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    private static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS);
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
