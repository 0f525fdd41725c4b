package io.paperlog.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    @TempDir
    Path folder;

    @Test
    void expiredSessionsAreNotFoundAndArePurged() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (Database db = Database.open(folder.resolve("t.db"), 1)) {
            AccountStore accounts = new AccountStore(db);
            SessionStore sessions = new SessionStore(db);
            Account ada = accounts.createFirst("ada", "Ada", "$argon2id$dummy", start).orElseThrow();
            String idle = sessions.create(ada.id(), start);
            String fresh = sessions.create(ada.id(), start.plus(Duration.ofDays(20)));

            Instant later = start.plus(Duration.ofDays(31));
            assertTrue(sessions.find(idle, later).isEmpty(), "idle for 31 days");
            assertTrue(sessions.find(fresh, later).isPresent());

            assertEquals(1, sessions.purgeExpired(later));
            assertEquals(1, sessions.countFor(ada.id()));
        }
    }

    @Test
    void touchingSlidesTheIdleExpiryButNotTheAbsoluteOne() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (Database db = Database.open(folder.resolve("t.db"), 1)) {
            Account ada = new AccountStore(db).createFirst("ada", "Ada", "$argon2id$dummy", start).orElseThrow();
            SessionStore sessions = new SessionStore(db);
            String token = sessions.create(ada.id(), start);
            for (int day = 25; day < 90; day += 25) {
                Instant now = start.plus(Duration.ofDays(day));
                sessions.touch(sessions.find(token, now).orElseThrow(), now);
            }
            assertTrue(sessions.find(token, start.plus(Duration.ofDays(89))).isPresent());
            assertTrue(sessions.find(token, start.plus(Duration.ofDays(90))).isEmpty());
        }
    }
}
