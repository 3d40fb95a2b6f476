package dev.docflow.agent.operations;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure for the {@code /metrics} gauges read from PostgreSQL at most once per {@code maxAge}:
 * the gauges of one scrape, and scrapes from several Prometheus servers, share one query. While the
 * database does not answer it is empty (the gauges read NaN, unknown), never a stale figure.
 * Thread-safe.
 */
public final class CachedReading<T> {
    private static final Logger LOG = LoggerFactory.getLogger(CachedReading.class);

    private final Supplier<T> source;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private Optional<T> last;
    private long readAt;

    public CachedReading(Supplier<T> source, Duration maxAge, LongSupplier nanoClock) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = nanoClock;
    }

    /** The figure, read again when the last read is older than the max age; empty when it could not be read. */
    public synchronized Optional<T> current() {
        long now = clock.getAsLong();
        if (last == null || now - readAt >= maxAgeNanos) {
            try {
                last = Optional.of(source.get());
            } catch (RuntimeException e) {
                LOG.debug("gauge figure not read cause={}", e.toString());
                last = Optional.empty();
            }
            readAt = now;
        }
        return last;
    }

    /** A gauge's value: what {@code value} makes of the figure, NaN when unknown. */
    public double gauge(java.util.function.ToDoubleFunction<T> value) {
        return current().map(value::applyAsDouble).orElse(Double.NaN);
    }
}
