package io.paperlog.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagName;
import io.paperlog.tags.TagStore;
import io.paperlog.testing.MutableClock;
import io.paperlog.tracking.LibraryStore;
import io.paperlog.tracking.Status;
import io.paperlog.tracking.StatusForm;
import io.paperlog.tracking.TrackingStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages of an order of my own found by walking in memory ({@link MarkedWalk}) are the pages SQL finds, for every
 * sort, filter (statuses, ratings, tags) and page size, for each person, and after writes.
 */
class CatalogueStoreTest {

    @TempDir
    Path folder;

    Database db;
    TrackingStore marks;
    PaperStore papers;
    long alice;
    long bob;

    @BeforeEach
    void open() {
        db = Database.open(folder.resolve("t.db"), 2);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        marks = new TrackingStore(db, clock, new ActivityLog(clock));
        papers = new PaperStore(db);
        alice = account("alice");
        bob = account("bob");
        // ties: added papers citing as often as seeded ones, some without a year (last when newest first)
        db.write(dsl -> {
            for (int i = 0; i < 12; i++) {
                dsl.execute("INSERT INTO paper (title, citations, abstract, created_at, year) VALUES (?, "
                        + "(SELECT citations FROM paper WHERE id = ?), 'An added paper.', '2026-03-01T00:00:00Z', ?)",
                        "added paper " + (i % 3), 1 + i * 7, i % 2 == 0 ? null : 2020 + i % 4);
            }
            return null;
        });
        mark(alice, new Random(11));
        mark(bob, new Random(12));
        tag(alice, new Random(13));
        tag(bob, new Random(14));
    }

    /** "x" on about a third of the papers, "y" on about a quarter, so that some carry both. */
    private void tag(long person, Random random) {
        TagStore tags = new TagStore(db, new MutableClock(Instant.parse("2026-03-10T09:00:00Z")));
        for (long paper = 1; paper <= papers.count(); paper++) {
            if (random.nextInt(3) == 0) {
                tags.add(person, List.of(paper), List.of(TagName.parse("x").orElseThrow()));
            }
            if (random.nextInt(4) == 0) {
                tags.add(person, List.of(paper), List.of(TagName.parse("y").orElseThrow()));
            }
        }
    }

    private long account(String name) {
        return db.<Long>write(dsl -> {
            dsl.execute("INSERT INTO account (username, display_name, password_hash, created_at, password_changed_at)"
                    + " VALUES (?, ?, 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", name, name);
            return ((Number) dsl.fetchValue("SELECT id FROM account WHERE username = ?", name)).longValue();
        });
    }

    /** A status on about half the papers (some "none"), a rating on about a third, ties in ratings included. */
    private void mark(long person, Random random) {
        for (long paper = 1; paper <= papers.count(); paper++) {
            if (random.nextInt(2) == 0) {
                marks.setStatus(person, paper, new StatusForm(Status.values()[random.nextInt(Status.values().length)],
                        null, null));
            }
            if (random.nextInt(3) == 0) {
                marks.setRating(person, paper, 1 + random.nextInt(10));
            }
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void walkedPagesAreThePagesSqlFindsForEverySortFilterAndPerson() {
        CatalogueStore walked = new CatalogueStore(db, papers, new LibraryStore(db, papers), CatalogueStore.Walking.ALWAYS);
        CatalogueStore queried = new CatalogueStore(db, papers, new LibraryStore(db, papers), CatalogueStore.Walking.NEVER);
        for (int round = 0; round < 2; round++) {
            for (long person : List.of(alice, bob)) {
                for (CatalogueQuery query : queries()) {
                    List<Long> whole = ids(queried.papers(query, person, 0, 1_000));
                    assertEquals(queried.count(query, person), whole.size(), query.self());
                    for (int size : List.of(1, 7, 50)) {
                        List<Long> paged = new ArrayList<>();
                        for (int offset = 0; offset < whole.size() + size; offset += size) {
                            paged.addAll(ids(walked.papers(query, person, offset, size)));
                        }
                        assertEquals(whole, paged, query.self() + " in pages of " + size + ", round " + round);
                    }
                }
            }
            // after writes, neither the walk nor the order is kept from before
            marks.setStatus(alice, 3, new StatusForm(Status.READ, null, null));
            marks.setRating(alice, 3, 10);
            marks.setRating(alice, 90, null);
            marks.setStatus(bob, 4, new StatusForm(Status.NONE, null, null));
            new TagStore(db, new MutableClock(Instant.parse("2026-03-11T09:00:00Z")))
                    .add(alice, List.of(5L, 6L), List.of(TagName.parse("y").orElseThrow()));
            db.write(dsl -> dsl.execute("UPDATE paper SET citations = 1 WHERE id = 2"));
        }
    }

    @Test
    void eachPersonWalksTheirOwnMarks() {
        CatalogueStore walked = new CatalogueStore(db, papers, new LibraryStore(db, papers), CatalogueStore.Walking.ALWAYS);
        CatalogueQuery read = new CatalogueQuery(CatalogueSort.CITATIONS, Status.READ, null, null, null, null, 1,
                TagFilter.NONE);
        List<Long> alicesRead = ids(walked.papers(read, alice, 0, 1_000));
        List<Long> bobsRead = ids(walked.papers(read, bob, 0, 1_000));
        assertTrue(!alicesRead.isEmpty() && !bobsRead.isEmpty() && !alicesRead.equals(bobsRead));
        for (long paper : alicesRead) {
            assertEquals(Status.READ, marks.mark(alice, paper).status());
        }
        for (long paper : bobsRead) {
            assertEquals(Status.READ, marks.mark(bob, paper).status());
        }
    }

    @Test
    void aPaperIdFarBeyondTheRestLeavesThePagesToSql() {
        db.write(dsl -> dsl.execute("INSERT INTO paper (id, title, citations, abstract, created_at) "
                + "VALUES (9000000000, 'A far id', 5, 'Far.', '2026-03-01T00:00:00Z')"));
        marks.setStatus(alice, 9_000_000_000L, new StatusForm(Status.READ, null, null));
        CatalogueStore walked = new CatalogueStore(db, papers, new LibraryStore(db, papers), CatalogueStore.Walking.ALWAYS);
        CatalogueStore queried = new CatalogueStore(db, papers, new LibraryStore(db, papers), CatalogueStore.Walking.NEVER);
        for (CatalogueQuery query : queries()) {
            assertEquals(ids(queried.papers(query, alice, 3, 40)), ids(walked.papers(query, alice, 3, 40)),
                    query.self());
        }
        CatalogueQuery read = new CatalogueQuery(CatalogueSort.CITATIONS, Status.READ, null, null, null, null, 1,
                TagFilter.NONE);
        assertTrue(ids(walked.papers(read, alice, 0, 1_000)).contains(9_000_000_000L));
    }

    @Test
    void rowsOfPapersThatAreGoneNeitherShowNorBreakTheWalk() throws Exception {
        // written while foreign keys were off: ids negative, beyond int, beyond any paper
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("t.db"));
             Statement sql = other.createStatement()) {
            sql.execute("PRAGMA foreign_keys = OFF");
            for (long gone : new long[] {-5, 3_000_000_000L, 2_000_000}) {
                sql.execute("INSERT INTO reading_status (user_id, paper_id, status, updated_at) VALUES (" + alice
                        + ", " + gone + ", 'read', '2026-03-10T09:00:00Z')");
                sql.execute("INSERT INTO rating (user_id, paper_id, halves, updated_at) VALUES (" + alice + ", " + gone
                        + ", 9, '2026-03-10T09:00:00Z')");
                sql.execute("INSERT INTO paper_tag (tag_id, paper_id, added_at) SELECT id, " + gone
                        + ", '2026-03-10T09:00:00Z' FROM tag WHERE user_id = " + alice + " AND name_key = 'x'");
            }
        }
        CatalogueStore walked = new CatalogueStore(db, papers, new LibraryStore(db, papers), CatalogueStore.Walking.ALWAYS);
        CatalogueStore queried = new CatalogueStore(db, papers, new LibraryStore(db, papers), CatalogueStore.Walking.NEVER);
        for (CatalogueQuery query : queries()) {
            assertEquals(ids(queried.papers(query, alice, 0, 1_000)), ids(walked.papers(query, alice, 0, 1_000)),
                    query.self());
        }
    }

    /**
     * Every sort with every status filter (and none), each with and without a rating filter; then with my tags (one,
     * any or all of two, none of one), alone and with a status.
     */
    private static List<CatalogueQuery> queries() {
        List<CatalogueQuery> queries = new ArrayList<>();
        List<Status> statuses = new ArrayList<>(Arrays.asList(Status.values()));
        statuses.add(null);
        List<TagFilter> tagFilters = List.of(tags("tag=x"), tags("tag=x&tag=y&tags_mode=any"), tags("tag=x&tag=y"),
                tags("tag=x&tags_mode=none"), tags("tag=nothing"), tags("tag=x&unread_by_team=1"));
        for (CatalogueSort sort : CatalogueSort.values()) {
            for (Status status : statuses) {
                for (Boolean rated : Arrays.asList(null, true, false)) {
                    queries.add(new CatalogueQuery(sort, status, rated, null, null, null, 1, TagFilter.NONE));
                }
            }
            for (TagFilter tags : tagFilters) {
                for (Status status : Arrays.asList(null, Status.READ, Status.NONE)) {
                    queries.add(new CatalogueQuery(sort, status, null, null, null, null, 1, tags));
                }
            }
        }
        return queries;
    }

    private static TagFilter tags(String query) {
        return TagFilter.read(name -> Arrays.stream(query.split("&")).filter(p -> p.startsWith(name + "="))
                .map(p -> p.substring(name.length() + 1)).toList());
    }

    private static List<Long> ids(List<Paper> papers) {
        return papers.stream().map(Paper::id).toList();
    }
}
