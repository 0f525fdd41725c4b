package io.paperlog.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins in a sliding 15-minute window: 5 for one username or 20 from one address, and further
 * attempts wait until the window has passed. Kept in memory: one server, and a restart only forgives.
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int PER_USERNAME = 5;
    public static final int PER_ADDRESS = 20;
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when an attempt is allowed now. */
    public Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration wait = longest(waitFor("u:" + username, PER_USERNAME, now), waitFor("a:" + address, PER_ADDRESS, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED_KEYS) {
            prune(now);
        }
        record("u:" + username, now);
        record("a:" + address, now);
    }

    /** A successful login forgives that username's failures (not the address's). */
    public void recordSuccess(String username) {
        failures.remove("u:" + username);
    }

    private void record(String key, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
            dropOld(deque, now);
            deque.addLast(now);
            return deque;
        });
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Duration[] wait = {Duration.ZERO};
        failures.computeIfPresent(key, (k, times) -> {
            dropOld(times, now);
            if (times.size() >= limit) {
                Instant oldestThatCounts = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
                wait[0] = Duration.between(now, oldestThatCounts.plus(WINDOW));
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0].isNegative() ? Duration.ZERO : wait[0];
    }

    private static void dropOld(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private void prune(Instant now) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Deque<Instant>> entry = it.next();
            synchronized (entry.getValue()) {
                dropOld(entry.getValue(), now);
                if (entry.getValue().isEmpty()) {
                    it.remove();
                }
            }
        }
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
