package io.paperlog.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import io.paperlog.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    @TempDir
    Path folder;

    @Test
    void expiredSessionsAreNotFoundAndArePurged() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Database db = Database.open(folder.resolve("t.db"), 1)) {
            AccountStore accounts = new AccountStore(db, clock);
            SessionStore sessions = new SessionStore(db, clock);
            Account ada = accounts.createFirst("ada", "Ada", "$argon2id$dummy").orElseThrow();
            String idle = sessions.create(ada.id());
            clock.advance(Duration.ofDays(20));
            String fresh = sessions.create(ada.id());

            clock.advance(Duration.ofDays(11));
            assertTrue(sessions.find(idle).isEmpty(), "idle for 31 days");
            assertTrue(sessions.find(fresh).isPresent());

            assertEquals(1, sessions.purgeExpired());
            assertEquals(1, sessions.countFor(ada.id()));
        }
    }

    @Test
    void touchingSlidesTheIdleExpiryButNotTheAbsoluteOne() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        try (Database db = Database.open(folder.resolve("t.db"), 1)) {
            Account ada = new AccountStore(db, clock).createFirst("ada", "Ada", "$argon2id$dummy").orElseThrow();
            SessionStore sessions = new SessionStore(db, clock);
            String token = sessions.create(ada.id());
            for (int day = 25; day < 90; day += 25) {
                clock.set(start.plus(Duration.ofDays(day)));
                sessions.touch(sessions.find(token).orElseThrow());
            }
            clock.set(start.plus(Duration.ofDays(89)));
            assertTrue(sessions.find(token).isPresent());
            clock.set(start.plus(Duration.ofDays(90)));
            assertTrue(sessions.find(token).isEmpty());
        }
    }

    @Test
    void aSessionKeptInMemoryEndsAtOnceHoweverItIsEnded() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Database db = Database.open(folder.resolve("t.db"), 1)) {
            AccountStore accounts = new AccountStore(db, clock);
            SessionStore sessions = new SessionStore(db, clock);
            Account ada = accounts.createFirst("ada", "Ada", "$argon2id$dummy").orElseThrow();
            String loggedOut = sessions.create(ada.id());
            String other = sessions.create(ada.id());
            String kept = sessions.create(ada.id());
            assertTrue(sessions.find(loggedOut).isPresent() && sessions.find(other).isPresent());

            sessions.delete(sessions.find(loggedOut).orElseThrow().tokenHash());
            assertTrue(sessions.find(loggedOut).isEmpty(), "logged out");
            sessions.deleteOthers(ada.id(), sessions.find(kept).orElseThrow().tokenHash());
            assertTrue(sessions.find(other).isEmpty(), "ended from another session");

            // any write to the account, by whatever code, is seen at the next request
            db.write(dsl -> dsl.execute("UPDATE account SET display_name = 'Ada L.' WHERE id = ?", ada.id()));
            assertEquals("Ada L.", sessions.find(kept).orElseThrow().user().displayName());
            assertEquals(AccountStore.Choices.DEFAULT, accounts.choices(ada.id()));
            accounts.setChoices(ada.id(), new AccountStore.Choices("Europe/Paris", false));
            assertEquals(new AccountStore.Choices("Europe/Paris", false), accounts.choices(ada.id()));
            db.write(dsl -> dsl.execute("UPDATE account SET is_active = 0 WHERE id = ?", ada.id()));
            assertTrue(sessions.find(kept).isEmpty(), "deactivated");
        }
    }

    @Test
    void aSessionEndedByAnotherProcessIsRefusedAtOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Path file = folder.resolve("t.db");
        try (Database db = Database.open(file, 1)) {
            AccountStore accounts = new AccountStore(db, clock);
            SessionStore sessions = new SessionStore(db, clock);
            Account ada = accounts.createFirst("ada", "Ada", "$argon2id$dummy").orElseThrow();
            String token = sessions.create(ada.id());
            assertTrue(sessions.find(token).isPresent());
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement statement = other.createStatement()) {
                statement.execute("DELETE FROM session");
            }
            assertTrue(sessions.find(token).isEmpty(), "deleted by another process, before Paperlog wrote again");
            sessions.create(ada.id());
            assertTrue(sessions.find(token).isEmpty(), "and after");
        }
    }
}
