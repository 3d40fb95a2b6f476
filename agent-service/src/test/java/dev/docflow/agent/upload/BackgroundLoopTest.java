package dev.docflow.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {
    @Test
    void finishRunsOneMorePassStartedAfterItThenStops() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch firstPassRunning = new CountDownLatch(1);
        CountDownLatch letFirstPassEnd = new CountDownLatch(1);
        BackgroundLoop loop = new BackgroundLoop("test-loop", 60_000, () -> {
            if (passes.incrementAndGet() == 1) {
                firstPassRunning.countDown();
                try {
                    letFirstPassEnd.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        loop.start();
        firstPassRunning.await();

        // asked while the first pass runs: what it has not seen gets a pass of its own
        Thread finisher = new Thread(() -> assertThat(loop.finish(Duration.ofSeconds(10))).isTrue());
        finisher.start();
        while (finisher.getState() != Thread.State.TIMED_WAITING && finisher.isAlive()) {
            Thread.onSpinWait();
        }
        letFirstPassEnd.countDown();
        finisher.join(10_000);

        assertThat(passes).hasValue(2);
        assertThat(loop.running()).isFalse();
    }
}
