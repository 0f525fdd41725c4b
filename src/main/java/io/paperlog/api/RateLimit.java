package io.paperlog.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API token: {@link #BURST} requests at once, refilled at {@link #PER_SECOND} a second. Kept in
 * memory (one server; a restart only forgives). Only tokens that exist reach it, so it holds at most one bucket per
 * live token; past {@link #MAX_BUCKETS} the full ones (tokens at rest) are dropped, which forgets nothing that
 * holds anyone back.
 */
final class RateLimit {

    static final int BURST = 120;
    static final double PER_SECOND = 2.0;
    static final int MAX_BUCKETS = 10_000;

    private record Bucket(double tokens, Instant at) {}

    private final Clock clock;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(Clock clock) {
        this.clock = clock;
    }

    /** Takes one request from the token's bucket: empty when it may go ahead, else how long until it may. */
    Duration take(long tokenId) {
        Instant now = clock.instant();
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= BURST);
        }
        Duration[] wait = {Duration.ZERO};
        buckets.compute(tokenId, (id, bucket) -> {
            double tokens = bucket == null ? BURST : refilled(bucket, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Duration.ofMillis((long) Math.ceil((1 - tokens) / PER_SECOND * 1000));
            return new Bucket(tokens, now);
        });
        return wait[0];
    }

    int buckets() {
        return buckets.size();
    }

    private static double refilled(Bucket bucket, Instant now) {
        double seconds = Math.max(0, Duration.between(bucket.at(), now).toNanos() / 1e9);
        return Math.min(BURST, bucket.tokens() + seconds * PER_SECOND);
    }
}
