package dev.docflow.agent.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Events per minute per key (a tenant's requests, an address's failed authentications), as a token
 * bucket: a key may burst up to a minute's worth, then gets one per {@code 60 / perMinute} seconds.
 * One key's flood does not slow the others. Time comes from the caller, so the rule is tested
 * without waiting.
 */
public final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    /** Beyond this many keys (addresses are many), those whose bucket has refilled are forgotten. */
    static final int MAX_TRACKED_KEYS = 10_000;

    private final int perMinute;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perMinute requests a tenant may make per minute; 0 for no limit */
    public RateLimiter(int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("requests per minute must be 0 (no limit) or more; got " + perMinute);
        }
        this.perMinute = perMinute;
    }

    /** @return 0 when the request may go ahead, else the seconds to wait before the next one will */
    public long acquire(String tenant, long nowNanos) {
        if (perMinute == 0) {
            return 0;
        }
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.values().removeIf(bucket -> bucket.isFull(nowNanos));
        }
        return buckets.computeIfAbsent(tenant, t -> new Bucket(perMinute, nowNanos)).take(nowNanos);
    }

    /** As {@link #acquire} would answer now, without taking anything: 0 while the key has budget left. */
    public long peek(String key, long nowNanos) {
        Bucket bucket = perMinute == 0 ? null : buckets.get(key);
        return bucket == null ? 0 : bucket.waitFor(nowNanos);
    }

    /** Keys with a bucket now (for tests of the forgetting). */
    int trackedKeys() {
        return buckets.size();
    }

    private static final class Bucket {
        private final int capacity;
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return secondsToNext();
        }

        synchronized long waitFor(long now) {
            refill(now);
            return tokens >= 1 ? 0 : secondsToNext();
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (double) (now - updated) * capacity / MINUTE_NANOS);
            updated = now;
        }

        private long secondsToNext() {
            double nanosToNext = (1 - tokens) * MINUTE_NANOS / capacity;
            return Math.max(1, (long) Math.ceil(nanosToNext / 1e9));
        }
    }
}
