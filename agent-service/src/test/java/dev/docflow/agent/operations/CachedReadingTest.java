package dev.docflow.agent.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedReadingTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void theDatabaseIsReadAtMostOncePerMaxAgeForEveryGauge() {
        CachedReading<OutboxBacklog> backlog = new CachedReading<>(() -> {
            reads.incrementAndGet();
            return new OutboxBacklog(3, 42.5);
        }, Duration.ofSeconds(5), clock::get);

        assertThat(backlog.gauge(OutboxBacklog::events)).isEqualTo(3);
        assertThat(backlog.gauge(OutboxBacklog::oldestAgeSeconds)).isEqualTo(42.5);
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(backlog.gauge(OutboxBacklog::events)).isEqualTo(3);
        assertThat(reads).hasValue(1);

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        backlog.gauge(OutboxBacklog::events);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFigureThatCannotBeReadIsUnknownNotStale() {
        AtomicInteger calls = new AtomicInteger();
        CachedReading<DocumentBacklog> backlog = new CachedReading<>(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return new DocumentBacklog(4, 2);
        }, Duration.ofSeconds(5), clock::get);

        assertThat(backlog.gauge(DocumentBacklog::uploaded)).isEqualTo(4);
        assertThat(backlog.gauge(DocumentBacklog::processing)).isEqualTo(2);

        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(backlog.gauge(DocumentBacklog::uploaded)).isNaN();
        assertThat(backlog.current()).isEmpty();
    }
}
