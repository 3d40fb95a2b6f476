package dev.docflow.agent.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute per tenant, as a token bucket: a tenant may burst up to a minute's worth,
 * then gets one request per {@code 60 / perMinute} seconds. One tenant's flood does not slow the
 * others. Time comes from the caller, so the rule is tested without waiting.
 */
public final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;

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
        return buckets.computeIfAbsent(tenant, t -> new Bucket(perMinute, nowNanos)).take(nowNanos);
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
            tokens = Math.min(capacity, tokens + (double) (now - updated) * capacity / MINUTE_NANOS);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double nanosToNext = (1 - tokens) * MINUTE_NANOS / capacity;
            return Math.max(1, (long) Math.ceil(nanosToNext / 1e9));
        }
    }
}
