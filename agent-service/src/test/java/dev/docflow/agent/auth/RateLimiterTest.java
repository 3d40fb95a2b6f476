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

    @Test
    void peekingTakesNothing() {
        RateLimiter limiter = new RateLimiter(2);

        assertThat(limiter.peek("10.0.0.1", 0)).isZero();
        assertThat(limiter.acquire("10.0.0.1", 0)).isZero();
        assertThat(limiter.peek("10.0.0.1", 0)).isZero();
        assertThat(limiter.acquire("10.0.0.1", 0)).isZero();
        assertThat(limiter.peek("10.0.0.1", 0)).isEqualTo(30);
        assertThat(limiter.peek("10.0.0.1", 0)).isEqualTo(30);
        assertThat(limiter.peek("10.0.0.1", 30 * SECOND)).isZero();
    }

    @Test
    void keysWhoseBucketRefilledAreForgottenOnceThereAreMany() {
        RateLimiter limiter = new RateLimiter(1);
        for (int i = 0; i <= RateLimiter.MAX_TRACKED_KEYS; i++) {
            limiter.acquire("10.0." + i, 0);
        }
        assertThat(limiter.trackedKeys()).isEqualTo(RateLimiter.MAX_TRACKED_KEYS + 1);

        limiter.acquire("fresh", 60 * SECOND);

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
