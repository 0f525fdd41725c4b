package io.paperlog.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagFilter;
import io.paperlog.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's tab counts that V22's triggers keep are, after every kind of change (statuses and ratings set,
 * changed and cleared; a paper deleted with its rows; rows moved by hand; an account deleted and its id given out
 * again), the counts of the rows themselves.
 */
class LibraryCountTest {

    @TempDir
    Path folder;

    Database db;
    TrackingStore marks;
    LibraryStore library;
    List<Long> people = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(folder.resolve("t.db"), 2);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        marks = new TrackingStore(db, clock, new ActivityLog(clock));
        library = new LibraryStore(db, new PaperStore(db));
        for (String name : List.of("alice", "bob", "carol")) {
            people.add(Accounts.create(db, name));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void keptCountsAreTheRowsCountedAfterEveryKindOfChange() {
        Random random = new Random(22);
        List<Long> papers = new ArrayList<>(db.read().fetch("SELECT id FROM paper").getValues(0, Long.class));
        for (int step = 0; step < 1_500; step++) {
            long person = people.get(random.nextInt(people.size()));
            long paper = papers.get(random.nextInt(40)); // few papers, so that statuses and ratings meet
            int what = random.nextInt(100);
            String change;
            if (what < 45) {
                Status status = Status.values()[random.nextInt(Status.values().length)];
                marks.setStatus(person, paper, new StatusForm(status, null, null));
                change = "status " + status;
            } else if (what < 85) {
                Integer halves = random.nextInt(3) == 0 ? null : 1 + random.nextInt(10);
                marks.setRating(person, paper, halves);
                change = "rating " + halves;
            } else if (what < 92) {
                long to = papers.get(40 + random.nextInt(papers.size() - 40));
                String table = random.nextBoolean() ? "reading_status" : "rating";
                db.write(dsl -> dsl.execute("UPDATE OR IGNORE " + table + " SET paper_id = ? WHERE user_id = ? AND paper_id = ?",
                        to, person, paper));
                change = table + " moved to paper " + to;
            } else if (what < 97 && papers.size() > 60) {
                db.write(dsl -> dsl.execute("DELETE FROM paper WHERE id = ?", paper));
                papers.remove(paper);
                change = "paper " + paper + " deleted";
            } else {
                db.write(dsl -> dsl.execute("DELETE FROM account WHERE id = ?", person));
                people.remove(person);
                people.add(Accounts.create(db, "someone" + step)); // may be given the deleted account's id
                change = "account " + person + " deleted";
            }
            for (long someone : people) {
                assertEquals(counted(someone), library.libraryCounts(someone), "after step " + step + ": " + change);
            }
        }
        assertEquals(0L, Accounts.count(db, "SELECT count(*) FROM library_count WHERE user_id NOT IN (SELECT id FROM account)"));
    }

    @Test
    void aTagFilterCountsTheSameWayAsTheKeptCountsWithoutOne() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            marks.setStatus(people.get(0), 1 + random.nextInt(60),
                    new StatusForm(Status.values()[random.nextInt(Status.values().length)], null, null));
            marks.setRating(people.get(0), 1 + random.nextInt(60), random.nextBoolean() ? null : 1 + random.nextInt(10));
        }
        // "nobody on the team has read it" with no teammates sharing: every paper of mine I have not read
        TagFilter unreadByTeam = TagFilter.read(name -> name.equals("unread_by_team") ? List.of("1") : List.of());
        Map<String, Integer> kept = new HashMap<>(library.libraryCounts(people.get(0)));
        Map<String, Integer> filtered = library.libraryCounts(people.get(0), unreadByTeam);
        int read = kept.getOrDefault("read", 0);
        kept.remove("read");
        kept.put("all", kept.get("all") - read);
        assertEquals(kept, filtered);
    }

    /** The tabs counted from the rows, as the library defines them, zeros left out. */
    private Map<String, Integer> counted(long person) {
        Map<String, Integer> counts = new HashMap<>();
        db.read().fetch("SELECT status, count(*) FROM reading_status WHERE user_id = ? AND status <> 'none' GROUP BY status",
                person).forEach(r -> counts.put(r.get(0, String.class), r.get(1, Integer.class)));
        int ratedOnly = db.read().fetchOne("SELECT count(*) FROM rating r WHERE user_id = ? AND NOT EXISTS (SELECT 1 "
                + "FROM reading_status s WHERE s.user_id = r.user_id AND s.paper_id = r.paper_id AND s.status <> 'none')",
                person).get(0, Integer.class);
        if (ratedOnly > 0) {
            counts.put("none", ratedOnly);
        }
        counts.put("all", counts.values().stream().mapToInt(Integer::intValue).sum());
        return counts;
    }
}
