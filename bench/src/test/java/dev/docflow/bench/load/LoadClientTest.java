package dev.docflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadClientTest {
    @Test
    void stopsAtTheRequestBoundAndCountsErrorsByStatus() throws Exception {
        LoadClient.Result result = new LoadClient(4, Duration.ofMinutes(1), 100).run(sequence -> {
            if (sequence % 10 == 0) {
                throw new IllegalStateException("connection refused");
            }
            return sequence % 10 == 1 ? 503 : 200;
        });
        assertThat(result.requests()).isEqualTo(100);
        assertThat(result.answered()).isEqualTo(80); // refusals are not latencies of answers
        assertThat(result.latencies().count()).isEqualTo(80);
        assertThat(result.errorsByStatus()).isEqualTo(Map.of(0, 10, 503, 10));
        assertThat(result.errors()).isEqualTo(20);
        assertThat(result.requestsPerSecond()).isGreaterThan(result.answeredPerSecond());
    }

    @Test
    void stopsAtTheTimeBound() throws Exception {
        long start = System.nanoTime();
        LoadClient.Result result = new LoadClient(2, Duration.ofMillis(200), Integer.MAX_VALUE).run(sequence -> {
            long until = System.nanoTime() + 5_000_000; // a 5 ms request, busy rather than asleep
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return 200;
        });
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(2_000);
        assertThat(result.requests()).isBetween(2, 200);
        assertThat(result.errors()).isZero();
    }
}
