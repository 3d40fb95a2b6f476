package dev.docflow.agent.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void readyWhenEveryServerAnswers() {
        try (Readiness readiness = new Readiness(List.of(new DependencyCheck("a", () -> {}), new DependencyCheck("b", () -> {})),
                TIMEOUT)) {
            ReadinessReport report = readiness.check();

            assertThat(report.ready()).isTrue();
            assertThat(report.status()).isEqualTo("ready");
            assertThat(report.failed()).isEmpty();
            assertThat(report.checks()).isEqualTo(Map.of("a", "ok", "b", "ok"));
        }
    }

    @Test
    void aFailingAndAHangingServerAreNamedWithinAboutOneTimeoutWhateverHangs() {
        CountDownLatch never = new CountDownLatch(1);
        try (Readiness readiness = new Readiness(List.of(
                new DependencyCheck("search", () -> {}),
                new DependencyCheck("database", () -> {
                    throw new IllegalStateException("refused");
                }),
                new DependencyCheck("store", () -> await(never)),
                new DependencyCheck("queue", () -> await(never))), TIMEOUT)) {
            long started = System.nanoTime();
            ReadinessReport report = readiness.check();
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(report.ready()).isFalse();
            assertThat(report.status()).isEqualTo("unavailable");
            assertThat(report.failed()).containsExactly("database", "store", "queue");
            assertThat(report.checks()).containsEntry("search", "ok").containsEntry("database", "error")
                    .containsEntry("store", "timeout").containsEntry("queue", "timeout");
            // two hanging checks in parallel: one timeout, not two
            assertThat(tookMillis).isBetween(TIMEOUT.toMillis() - 5, TIMEOUT.toMillis() + 250);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aProbeStillRunningIsWaitedForAgainRatherThanStartedTwice() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (Readiness readiness = new Readiness(List.of(new DependencyCheck("slow", () -> {
            started.incrementAndGet();
            await(release);
        })), TIMEOUT)) {
            assertThat(readiness.check().failed()).containsExactly("slow");
            assertThat(readiness.check().failed()).containsExactly("slow");
            assertThat(started).hasValue(1);

            release.countDown();
            assertThat(readiness.check().failed()).isEmpty(); // the first probe's success, or a new one's
        }
    }

    @Test
    void aStoppingServiceIsNotReadyAndAsksNoServer() {
        AtomicInteger asked = new AtomicInteger();
        try (Readiness readiness = new Readiness(List.of(new DependencyCheck("a", asked::incrementAndGet)), TIMEOUT)) {
            readiness.stopping();

            ReadinessReport report = readiness.check();

            assertThat(report.ready()).isFalse();
            assertThat(report.status()).isEqualTo("stopping");
            assertThat(asked).hasValue(0);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
