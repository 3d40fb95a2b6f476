package dev.docflow.agent.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the service can serve: every server it needs answers within {@code timeout}. The checks
 * run in parallel, so one {@link #check()} takes at most about {@code timeout} whatever hangs. A
 * probe still running from an earlier check is waited for again rather than started twice, so a
 * stalled server holds one thread per check, however often {@code /ready} is asked. Once
 * {@link #stopping()} is called the service is not ready, whatever the servers say. Thread-safe.
 */
public final class Readiness implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    /** Short enough for a load balancer's probe (they time out at 1–5 s), long enough for a busy server. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final List<DependencyCheck> checks;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final ExecutorService probes;
    private volatile boolean stopping;

    public Readiness(List<DependencyCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
        AtomicInteger threads = new AtomicInteger();
        this.probes = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "docflow-ready-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** From now on not ready: a load balancer stops sending new requests while those in flight finish. */
    public void stopping() {
        stopping = true;
    }

    public ReadinessReport check() {
        if (stopping) {
            return new ReadinessReport("stopping", List.of(), Map.of());
        }
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        for (DependencyCheck check : checks) {
            started.put(check.name(), running.compute(check.name(),
                    (name, previous) -> previous != null && !previous.isDone() ? previous
                            : CompletableFuture.runAsync(check.probe(), probes)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> outcomes = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        started.forEach((name, probe) -> {
            String outcome = outcome(name, probe, deadline);
            outcomes.put(name, outcome);
            if (!outcome.equals("ok")) {
                failed.add(name);
            }
        });
        return new ReadinessReport(failed.isEmpty() ? "ready" : "unavailable", List.copyOf(failed), outcomes);
    }

    private static String outcome(String name, CompletableFuture<Void> probe, long deadline) {
        try {
            probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return "ok";
        } catch (TimeoutException e) {
            LOG.debug("readiness check timed out server={}", name);
            return "timeout";
        } catch (ExecutionException e) {
            LOG.debug("readiness check failed server={} cause={}", name, e.getCause().toString());
            return "error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "timeout";
        }
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
