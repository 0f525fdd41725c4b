package io.paperlog.io;

import io.paperlog.web.Tokens;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files read and previewed, waiting for their person to confirm: in memory only (nothing is stored before the
 * confirmation), each under a random token that only its person can use, for {@link #LIFETIME}; the oldest go first
 * when more than {@link #MAX} wait.
 */
final class PendingImports {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final int MAX = 32;
    static final String GONE = "This preview has expired or was already imported. Choose the file again to see "
            + "what it would import.";

    private record Pending(long userId, String fileName, Incoming incoming, Instant expires) {}

    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    PendingImports(Clock clock) {
        this.clock = clock;
    }

    synchronized String hold(long userId, String fileName, Incoming incoming) {
        purge();
        while (pending.size() >= MAX) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        String token = Tokens.newToken();
        pending.put(token, new Pending(userId, fileName, incoming, clock.instant().plus(LIFETIME)));
        return token;
    }

    /** The file {@code token} holds for this person, taken out so that it is imported once; 410 if it is gone. */
    synchronized Incoming take(long userId, String token) {
        purge();
        Pending held = token == null ? null : pending.get(token);
        if (held == null || held.userId() != userId) {
            throw UserError.gone(GONE);
        }
        pending.remove(token);
        return held.incoming();
    }

    private void purge() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.expires().isBefore(now));
    }
}
