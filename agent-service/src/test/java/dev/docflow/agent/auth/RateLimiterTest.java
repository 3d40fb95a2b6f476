package dev.docflow.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aTenantMayBurstAMinutesWorthThenWaits() {
        RateLimiter limiter = new RateLimiter(3);

        assertThat(limiter.acquire("acme", 0)).isZero();
        assertThat(limiter.acquire("acme", 0)).isZero();
        assertThat(limiter.acquire("acme", 0)).isZero();
        assertThat(limiter.acquire("acme", 0)).isEqualTo(20);
        assertThat(limiter.acquire("acme", 20 * SECOND)).isZero();
    }

    @Test
    void oneTenantsFloodLeavesTheOthersAlone() {
        RateLimiter limiter = new RateLimiter(1);

        assertThat(limiter.acquire("acme", 0)).isZero();
        assertThat(limiter.acquire("acme", SECOND)).isPositive();
        assertThat(limiter.acquire("globex", SECOND)).isZero();
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("acme", 0)).isZero();
        }
    }
}
