package dev.docflow.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentilesByNearestRank() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) { // out of order on purpose
            latencies.add(ms);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentile(50)).isEqualTo(50);
        assertThat(latencies.percentile(95)).isEqualTo(95);
        assertThat(latencies.percentile(99)).isEqualTo(99);
        assertThat(latencies.percentile(100)).isEqualTo(100);
        assertThat(latencies.mean()).isEqualTo(50.5);
    }

    @Test
    void fewValuesAndNone() {
        Latencies latencies = new Latencies();
        assertThat(latencies.percentile(95)).isZero();
        latencies.add(7);
        latencies.add(3);
        assertThat(latencies.percentile(50)).isEqualTo(3);
        assertThat(latencies.percentile(99)).isEqualTo(7);
    }
}
