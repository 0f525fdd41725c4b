package io.paperlog.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagFilter;
import io.paperlog.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library read a page at a time in two parts (finished or rated papers first, then the rest by title) gives the
 * same order as one sort of everything, whatever the page size, and counts the same papers.
 */
class LibraryStoreTest {

    @TempDir
    Path folder;

    Database db;
    TrackingStore marks;
    LibraryStore library;
    long alice;

    @BeforeEach
    void open() {
        db = Database.open(folder.resolve("t.db"), 2);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        marks = new TrackingStore(db, clock, new ActivityLog(clock));
        library = new LibraryStore(db, new PaperStore(db));
        alice = Accounts.create(db, "alice");
        read(10, "2026-01-05");
        read(11, "2026-02-01");
        read(12, "2026-01-05");
        marks.setStatus(alice, 13, new StatusForm(Status.READING, LocalDate.parse("2026-03-01"), null));
        marks.setStatus(alice, 14, new StatusForm(Status.WANT, null, null));
        marks.setStatus(alice, 15, new StatusForm(Status.ABANDONED, LocalDate.parse("2026-02-01"), null));
        marks.setRating(alice, 11, 6);
        marks.setRating(alice, 14, 9);
        marks.setRating(alice, 16, 6); // rated, no status: in "all" only
        marks.setRating(alice, 12, 6);
    }

    private void read(long paper, String finished) {
        marks.setStatus(alice, paper, new StatusForm(Status.READ, LocalDate.parse(finished).minusDays(3),
                LocalDate.parse(finished)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pagesOfEverySortAndTabJoinUpToTheWholeOrder() {
        for (String tab : List.of("all", "read", "want", "reading", "abandoned")) {
            for (String sort : List.of("title", "finished", "rating")) {
                List<Long> whole = ids(library.libraryPage(alice, tab, sort, TagFilter.NONE, 0, 100));
                for (int size = 1; size <= 4; size++) {
                    List<Long> paged = new ArrayList<>();
                    for (int offset = 0; offset < whole.size() + size; offset += size) {
                        paged.addAll(ids(library.libraryPage(alice, tab, sort, TagFilter.NONE, offset, size)));
                    }
                    assertEquals(whole, paged, tab + " by " + sort + " in pages of " + size);
                }
                assertEquals(whole.size(), library.libraryCounts(alice).getOrDefault(tab, 0), tab);
            }
        }
    }

    @Test
    void aFirstPartKeptWholePagesAsTheQueryAndFollowsWrites() {
        LibraryStore queried = new LibraryStore(db, new PaperStore(db), 0);
        for (int round = 0; round < 2; round++) {
            for (String tab : List.of("all", "read", "want", "reading", "abandoned")) {
                for (String sort : List.of("finished", "rating")) {
                    for (int size = 1; size <= 3; size++) {
                        for (int offset = 0; offset < 10; offset += size) {
                            assertEquals(ids(queried.libraryPage(alice, tab, sort, TagFilter.NONE, offset, size)),
                                    ids(library.libraryPage(alice, tab, sort, TagFilter.NONE, offset, size)),
                                    tab + " by " + sort + " at " + offset + ", pages of " + size + ", round " + round);
                        }
                    }
                }
            }
            marks.setRating(alice, 15, 10); // the abandoned paper now comes first by rating
            read(13, "2026-03-09");
        }
        assertEquals(15L, ids(library.libraryPage(alice, "all", "rating", TagFilter.NONE, 0, 1)).get(0));
        assertEquals(13L, ids(library.libraryPage(alice, "all", "finished", TagFilter.NONE, 0, 1)).get(0));
    }

    @Test
    void finishedAndRatedPapersComeFirstThenTheRestByTitle() {
        List<Long> titles = ids(library.libraryPage(alice, "all", "title", TagFilter.NONE, 0, 100));
        List<Long> finished = ids(library.libraryPage(alice, "all", "finished", TagFilter.NONE, 0, 100));
        assertEquals(11L, finished.get(0), "the latest finish first");
        assertEquals(List.of(10L, 12L), finished.subList(1, 3).stream().sorted().toList(), "then the same day's");
        assertEquals(titles.stream().filter(id -> id > 12).toList(), finished.subList(3, finished.size()));
        List<Long> rated = ids(library.libraryPage(alice, "all", "rating", TagFilter.NONE, 0, 100));
        assertEquals(14L, rated.get(0), "the highest rating first");
        assertEquals(titles.stream().filter(id -> List.of(10L, 13L, 15L).contains(id)).toList(),
                rated.subList(4, rated.size()), "unrated last, by title");
        assertEquals(Map.of("all", 7, "read", 3, "reading", 1, "want", 1, "abandoned", 1, "none", 1),
                library.libraryCounts(alice));
    }

    @Test
    void aSmallTabOrTagIsSortedFromItsOwnPapersInTheSameOrderAsTheWalk() {
        // tagged: 10, 13, 15 and 16 (16 rated only); 3 tabs of 100 papers each hold under 1 in 20 of them
        db.write(dsl -> {
            dsl.execute("INSERT INTO tag (id, user_id, name, name_key, created_at) VALUES (900, ?, 'x', 'x', '2026-03-10T09:00:00Z')", alice);
            for (long paper : new long[] {10, 13, 15, 16}) {
                dsl.execute("INSERT INTO paper_tag (tag_id, paper_id, added_at) VALUES (900, ?, '2026-03-10T09:00:00Z')", paper);
            }
            return null;
        });
        TagFilter tagged = TagFilter.read(name -> name.equals("tag") ? List.of("x") : List.of());
        List<Long> all = ids(library.libraryPage(alice, "all", "title", TagFilter.NONE, 0, 100));
        List<Long> expected = all.stream().filter(id -> List.of(10L, 13L, 15L, 16L).contains(id)).toList();
        assertEquals(expected, ids(library.libraryPage(alice, "all", "title", tagged, 0, 100)));
        for (int size = 1; size <= 3; size++) {
            List<Long> paged = new ArrayList<>();
            for (int offset = 0; offset < expected.size() + size; offset += size) {
                paged.addAll(ids(library.libraryPage(alice, "all", "title", tagged, offset, size)));
            }
            assertEquals(expected, paged, "in pages of " + size);
        }
        for (String sort : List.of("rating", "finished")) {
            List<Long> sorted = ids(library.libraryPage(alice, "all", sort, TagFilter.NONE, 0, 100));
            List<Long> sortedTagged = sorted.stream().filter(id -> List.of(10L, 13L, 15L, 16L).contains(id)).toList();
            for (int size = 1; size <= 3; size++) {
                List<Long> paged = new ArrayList<>();
                for (int offset = 0; offset < sortedTagged.size() + size; offset += size) {
                    paged.addAll(ids(library.libraryPage(alice, "all", sort, tagged, offset, size)));
                }
                assertEquals(sortedTagged, paged, "by " + sort + ", the rest from the tagged papers, in pages of " + size);
            }
        }
        assertEquals(List.of(10L), ids(library.libraryPage(alice, "read", "title", tagged, 0, 100)));
        assertEquals(all.stream().filter(id -> List.of(10L, 11L, 12L).contains(id)).toList(),
                ids(library.libraryPage(alice, "read", "title", TagFilter.NONE, 0, 100)), "a small tab, no tag");
    }

    private static List<Long> ids(List<TrackingStore.LibraryRow> rows) {
        return rows.stream().map(TrackingStore.LibraryRow::paperId).toList();
    }
}
