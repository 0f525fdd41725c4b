package io.paperlog.accounts;

import io.paperlog.web.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins in a sliding 15-minute window: 5 for one username or 20 from one address, and further
 * attempts wait until the window has passed. Kept in memory: one server, and a restart only forgives.
 *
 * <p>Memory is bounded whatever is sent: a key is at most {@link #MAX_KEY} characters (a longer username, which
 * can be no account's, is kept as its hash), a key keeps at most as many times as its limit, and past
 * about {@link #MAX_KEYS} keys the expired ones are dropped, then the quietest ones that hold nobody off. Every
 * change to a key's times happens inside the map's atomic {@code compute} for that key.
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int PER_USERNAME = 5;
    public static final int PER_ADDRESS = 20;
    static final int MAX_KEYS = 50_000;
    static final int MAX_KEY = 72;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when an attempt is allowed now. */
    public Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration wait = longest(waitFor(usernameKey(username), PER_USERNAME, now),
                waitFor(addressKey(address), PER_ADDRESS, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            makeRoom(now);
        }
        record(usernameKey(username), PER_USERNAME, now);
        record(addressKey(address), PER_ADDRESS, now);
    }

    /** A successful login forgives that username's failures (not the address's). */
    public void recordSuccess(String username) {
        failures.remove(usernameKey(username));
    }

    int trackedKeys() {
        return failures.size();
    }

    static String usernameKey(String username) {
        return key("u:", username);
    }

    static String addressKey(String address) {
        return key("a:", address);
    }

    private static String key(String prefix, String value) {
        String raw = value == null ? "" : value;
        return raw.length() + prefix.length() <= MAX_KEY ? prefix + raw : prefix + "#" + Tokens.sha256(raw);
    }

    private void record(String key, int limit, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> deque = times == null ? new ArrayDeque<>(limit) : times;
            dropOld(deque, now);
            deque.addLast(now);
            while (deque.size() > limit) {
                deque.removeFirst(); // only the latest `limit` failures decide how long to wait
            }
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

    /**
     * Drops expired keys; if that frees too little, a tenth of the keys, quietest first: keys still under their
     * limit before keys that are holding someone off, so that filling the map is no way to lift a block.
     */
    private void makeRoom(Instant now) {
        record Quiet(String key, Instant last, boolean blocking) {}
        List<Quiet> live = new ArrayList<>();
        for (String key : failures.keySet()) {
            failures.computeIfPresent(key, (k, times) -> {
                dropOld(times, now);
                if (!times.isEmpty()) {
                    live.add(new Quiet(k, times.peekLast(), times.size() >= limitOf(k)));
                }
                return times.isEmpty() ? null : times;
            });
        }
        if (failures.size() < MAX_KEYS * 9 / 10) {
            return;
        }
        live.sort(Comparator.comparing(Quiet::blocking).thenComparing(Quiet::last));
        live.stream().limit(MAX_KEYS / 10).forEach(q -> failures.remove(q.key()));
    }

    private static int limitOf(String key) {
        return key.startsWith("u:") ? PER_USERNAME : PER_ADDRESS;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
