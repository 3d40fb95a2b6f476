package dev.docflow.agent.operations;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox backlog for the {@code /metrics} gauges, read from PostgreSQL at most once per
 * {@code maxAge}: both gauges of one scrape, and scrapes from several Prometheus servers, share one
 * query. While the database does not answer, the gauges read NaN (unknown), never a stale figure.
 * Thread-safe.
 */
public final class CachedOutboxBacklog {
    private static final Logger LOG = LoggerFactory.getLogger(CachedOutboxBacklog.class);
    static final OutboxBacklog UNKNOWN = new OutboxBacklog(-1, null);

    private final Supplier<OutboxBacklog> source;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private OutboxBacklog last;
    private long readAt;

    public CachedOutboxBacklog(Supplier<OutboxBacklog> source, Duration maxAge, LongSupplier nanoClock) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = nanoClock;
    }

    /** Events waiting; NaN when unknown. */
    public double events() {
        OutboxBacklog backlog = current();
        return backlog == UNKNOWN ? Double.NaN : backlog.events();
    }

    /** Seconds the oldest event has waited: 0 for an empty outbox, NaN when unknown. */
    public double oldestAgeSeconds() {
        OutboxBacklog backlog = current();
        if (backlog == UNKNOWN) {
            return Double.NaN;
        }
        return backlog.oldestAgeSeconds() == null ? 0 : backlog.oldestAgeSeconds();
    }

    private synchronized OutboxBacklog current() {
        long now = clock.getAsLong();
        if (last == null || now - readAt >= maxAgeNanos) {
            try {
                last = source.get();
            } catch (RuntimeException e) {
                LOG.debug("outbox backlog not read cause={}", e.toString());
                last = UNKNOWN;
            }
            readAt = now;
        }
        return last;
    }
}
