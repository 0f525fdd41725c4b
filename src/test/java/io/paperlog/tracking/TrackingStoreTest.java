package io.paperlog.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.web.UserError;
import io.paperlog.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingStoreTest {

    @TempDir
    Path folder;

    Database db;
    MutableClock clock;
    TrackingStore store;
    NoteStore notes;
    long alice;
    long bob;

    @BeforeEach
    void open() {
        db = Database.open(folder.resolve("t.db"), 2);
        clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        store = new TrackingStore(db, clock, new ActivityLog(clock));
        notes = new NoteStore(db, clock);
        alice = Accounts.create(db, "alice");
        bob = Accounts.create(db, "bob");
    }

    @AfterEach
    void close() {
        db.close();
    }

    Mark setStatus(long user, long paper, Status status, LocalDate start, LocalDate finish) {
        return store.setStatus(user, paper, new StatusForm(status, start, finish));
    }

    @Test
    void aPaperWithoutAStatusHasNone() {
        Mark m = store.mark(alice, 5);
        assertEquals(Status.NONE, m.status());
        assertNull(m.halves());
        assertTrue(store.marks(alice).isEmpty());
    }

    @Test
    void readingRecordsTheStartAndReadTheFinishAndEveryChangeIsAnEvent() {
        setStatus(alice, 5, Status.WANT, null, null);
        Mark reading = setStatus(alice, 5, Status.READING, null, null);
        assertEquals("2026-03-10", reading.startedOn());
        assertNull(reading.finishedOn());

        clock.set(Instant.parse("2026-03-12T20:00:00Z"));
        Mark read = setStatus(alice, 5, Status.READ, null, null);
        assertEquals("2026-03-10", read.startedOn());
        assertEquals("2026-03-12", read.finishedOn());
        assertEquals(1, read.timesRead());
        assertEquals(0, read.rereads());

        List<TrackingStore.StatusEvent> events = store.events(alice);
        assertEquals(3, events.size());
        assertEquals(Status.NONE, events.get(0).from());
        assertEquals(Status.WANT, events.get(0).to());
        assertEquals(Status.READING, events.get(2).from());
        assertEquals(Status.READ, events.get(2).to());
        assertEquals("2026-03-12T20:00:00Z", events.get(2).at());
        assertTrue(store.events(bob).isEmpty());
    }

    @Test
    void readingAgainCountsAReReadAndStartsAfresh() {
        setStatus(alice, 7, Status.READING, null, null);
        setStatus(alice, 7, Status.READ, null, null);
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        // the dates form sends the stored dates back: they are not an edit
        Mark again = setStatus(alice, 7, Status.READING, LocalDate.parse("2026-03-10"),
                LocalDate.parse("2026-03-10"));
        assertEquals(1, again.rereads());
        assertEquals("2026-04-01", again.startedOn());
        assertNull(again.finishedOn());
        Mark twice = setStatus(alice, 7, Status.READ, null, null);
        assertEquals(2, twice.timesRead());
    }

    @Test
    void datesCanBeEditedButAFinishNeverPrecedesTheStart() {
        setStatus(alice, 3, Status.READ, null, null);
        Mark edited = setStatus(alice, 3, Status.READ, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-20"));
        assertEquals("2026-02-01", edited.startedOn());
        assertEquals("2026-02-20", edited.finishedOn());
        assertEquals(1, store.events(alice).size(), "a date edit is not a status change");

        UserError refused = assertThrows(UserError.class, () ->
                setStatus(alice, 3, Status.READ, LocalDate.parse("2026-02-25"), null));
        assertEquals(422, refused.status());
        assertTrue(refused.getMessage().contains("can't be before"));
        Mark unchanged = store.mark(alice, 3);
        assertEquals("2026-02-01", unchanged.startedOn());
        assertEquals("2026-02-20", unchanged.finishedOn());
    }

    @Test
    void ratingsAreHalvesAndCanBeCleared() {
        assertEquals(7, store.setRating(alice, 9, 7).halves());
        assertEquals(10, store.setRating(alice, 9, 10).halves());
        assertNull(store.mark(bob, 9).halves());
        Map<Long, Mark> marks = store.marks(alice);
        assertEquals(10, marks.get(9L).halves());
        assertEquals(Status.NONE, marks.get(9L).status());
        assertNull(store.setRating(alice, 9, null).halves());
        assertFalse(store.marks(alice).containsKey(9L));
    }

    @Test
    void starsParseHalfStepsAndRefuseEverythingElse() {
        assertEquals(7, Stars.parse("3.5").orElseThrow());
        assertEquals(1, Stars.parse("0.5").orElseThrow());
        assertEquals(10, Stars.parse("5").orElseThrow());
        assertEquals(8, Stars.parse("4.0").orElseThrow());
        assertTrue(Stars.parse("").isEmpty());
        for (String bad : List.of("0", "6", "2.3", "abc", "5.5", "-1", "1e0", "3.", "0.0", "10")) {
            assertEquals(422, assertThrows(UserError.class, () -> Stars.parse(bad), bad).status());
        }
        assertEquals("3.5", Stars.format(7));
        assertEquals("★★★½", Stars.glyphs(7));
    }

    @Test
    void aNoteKeepsRevisionsAndRefusesAStaleBase() {
        assertEquals(1, notes.save(alice, 4, "first", 0).revision());
        assertEquals(2, notes.save(alice, 4, "second", 1).revision());

        UserError stale = assertThrows(UserError.class, () -> notes.save(alice, 4, "from the other tab", 1));
        assertEquals(409, stale.status());
        assertTrue(stale.isAbout("note"));
        assertEquals("second", notes.find(alice, 4).body());

        assertEquals(2, notes.save(alice, 4, "second", 2).revision(), "saving the same text is a no-op");
        assertEquals(List.of(2, 1), notes.revisions(alice, 4).stream().map(NoteRevisionRow::revision).toList());
        assertEquals("first", notes.keptRevision(alice, 4, 1));

        assertEquals(0, notes.find(bob, 4).revision(), "bob has no note here");
        assertEquals(404, assertThrows(UserError.class, () -> notes.keptRevision(bob, 4, 1)).status());
        assertTrue(notes.revisions(bob, 4).isEmpty());
    }

    @Test
    void theLatestFiftyRevisionsAreKept() {
        assertEquals(1, notes.save(alice, 4, "x".repeat(100_000), 0).revision());
        for (int i = 2; i <= 60; i++) {
            notes.save(alice, 4, "v" + i, i - 1);
        }
        List<NoteRevisionRow> kept = notes.revisions(alice, 4);
        assertEquals(50, kept.size());
        assertEquals(60, kept.get(0).revision());
        assertEquals(11, kept.get(49).revision());
    }

    @Test
    void olderThanTheLatestFiftyOneRevisionPerHourIsKept() {
        int base = 0;
        for (int hour = 0; hour < 3; hour++) {
            for (int i = 0; i < 30; i++) {
                base = notes.save(alice, 5, "hour " + hour + " save " + i, base).revision();
                clock.set(clock.instant().plusSeconds(20));
            }
            clock.set(clock.instant().plus(java.time.Duration.ofHours(1)));
        }
        List<NoteRevisionRow> kept = notes.revisions(alice, 5);
        assertEquals(90, kept.get(0).revision());
        assertEquals(51, kept.size(), "the latest 50 (41-90), plus the last save of the first hour");
        assertTrue(kept.stream().anyMatch(r -> r.revision() == 30), "the last save of the first hour survives");
        assertTrue(kept.stream().noneMatch(r -> r.revision() == 29 || r.revision() == 40));
    }

    @Test
    void deletingAnAccountDeletesItsRows() {
        setStatus(alice, 1, Status.READ, null, null);
        store.setRating(alice, 1, 8);
        notes.save(alice, 1, "mine", 0);
        db.write(dsl -> dsl.execute("DELETE FROM account WHERE id = ?", alice));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM reading_status"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM note_revision"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM status_event"));
    }
}
