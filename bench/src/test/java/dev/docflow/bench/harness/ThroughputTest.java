package dev.docflow.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThroughputTest {
    @Test
    void ratioIsHowManyTimesFasterOnTheSameWork() {
        Throughput docflow = new Throughput(2385, 56.7);
        Throughput limit = new Throughput(2385, 24.2);
        assertThat(docflow.perSecond()).isCloseTo(42.06, within(0.01));
        assertThat(docflow.ratioTo(limit)).isCloseTo(24.2 / 56.7, within(1e-9));
        assertThat(limit.ratioTo(docflow)).isCloseTo(56.7 / 24.2, within(1e-9));
    }

    @Test
    void nothingDoneIsARatioOfZeroNotAnError() {
        assertThat(new Throughput(10, 1).ratioTo(new Throughput(0, 5))).isZero();
        assertThat(new Throughput(10, 0).perSecond()).isZero();
    }
}
