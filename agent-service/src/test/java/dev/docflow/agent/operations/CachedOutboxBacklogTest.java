package dev.docflow.agent.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedOutboxBacklogTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void theDatabaseIsReadAtMostOncePerMaxAgeForBothGauges() {
        CachedOutboxBacklog backlog = new CachedOutboxBacklog(() -> {
            reads.incrementAndGet();
            return new OutboxBacklog(3, 42.5);
        }, Duration.ofSeconds(5), clock::get);

        assertThat(backlog.events()).isEqualTo(3);
        assertThat(backlog.oldestAgeSeconds()).isEqualTo(42.5);
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(backlog.events()).isEqualTo(3);
        assertThat(reads).hasValue(1);

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        backlog.events();
        assertThat(reads).hasValue(2);
    }

    @Test
    void anEmptyOutboxHasNoAgeAndAnUnreadableOneIsUnknown() {
        AtomicInteger calls = new AtomicInteger();
        CachedOutboxBacklog backlog = new CachedOutboxBacklog(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return new OutboxBacklog(0, null);
        }, Duration.ofSeconds(5), clock::get);

        assertThat(backlog.events()).isZero();
        assertThat(backlog.oldestAgeSeconds()).isZero();

        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(backlog.events()).isNaN();
        assertThat(backlog.oldestAgeSeconds()).isNaN();
    }
}
