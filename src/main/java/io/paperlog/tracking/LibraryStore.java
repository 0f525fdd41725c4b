package io.paperlog.tracking;

import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.db.PerVersion;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagStore;
import io.paperlog.tracking.TrackingStore.LibraryRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * My library, a page at a time: the papers I have a status (other than none) or a rating for, by tab, and how many
 * each tab holds (kept per data version, so paging does not count them again).
 */
public final class LibraryStore {

    private final Database db;
    private final PerVersion<Map<String, Integer>> libraryCounts;

    public LibraryStore(Database db) {
        this.db = db;
        this.libraryCounts = new PerVersion<>(db);
    }

    /**
     * One page of my library: the papers of {@code tab} ("all" or a status slug) in the order {@code sort} names
     * (title, finished or rating; then title), read from this person's own rows rather than the whole catalogue.
     */
    public List<LibraryRow> libraryPage(long userId, String tab, String sort, long offset, int limit) {
        return libraryPage(userId, tab, sort, TagFilter.NONE, offset, limit);
    }

    /**
     * A page of my library, only the papers that pass my tag filter. Its ids are read first: by title, walking the
     * title index and looking up my rows for each paper (a page costs what precedes it, not my whole library); by
     * finished or rating, sorting my papers. Then only those rows are read whole.
     */
    public List<LibraryRow> libraryPage(long userId, String tab, String sort, TagFilter tags, long offset, int limit) {
        List<Long> ids = sort.equals("title")
                ? db.read().select(PAPER.ID).from(PAPER)
                        .where(inLibrary(userId, tab), TagStore.matches(tags, PAPER.ID, userId))
                        .orderBy(PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc())
                        .limit(limit).offset(offset).fetch(PAPER.ID)
                : db.read().select(PAPER.ID).from(PAPER)
                        .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID).and(READING_STATUS.USER_ID.eq(userId)))
                        .leftJoin(RATING).on(RATING.PAPER_ID.eq(PAPER.ID).and(RATING.USER_ID.eq(userId)))
                        .where(PAPER.ID.in(mine(userId)), inTab(tab), TagStore.matches(tags, PAPER.ID, userId))
                        .orderBy(sort.equals("finished") ? READING_STATUS.FINISHED_ON.desc().nullsLast()
                                : RATING.HALVES.desc().nullsLast(), PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc())
                        .limit(limit).offset(offset).fetch(PAPER.ID);
        Map<Long, LibraryRow> rows = new HashMap<>();
        db.read().select(PAPER.ID, PAPER.RANK, PAPER.TITLE, READING_STATUS.STATUS, READING_STATUS.STARTED_ON,
                        READING_STATUS.FINISHED_ON, READING_STATUS.TIMES_READ, READING_STATUS.REREADS, RATING.HALVES)
                .from(PAPER)
                .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID).and(READING_STATUS.USER_ID.eq(userId)))
                .leftJoin(RATING).on(RATING.PAPER_ID.eq(PAPER.ID).and(RATING.USER_ID.eq(userId)))
                .where(PAPER.ID.in(ids))
                .forEach(r -> rows.put(r.value1(), new LibraryRow(r.value1(), r.value2(), r.value3(),
                        new Mark(r.value1(), r.value4() == null ? Status.NONE : Status.of(r.value4()), r.value5(),
                                r.value6(), r.value7() == null ? 0 : r.value7(), r.value8() == null ? 0 : r.value8(),
                                r.value9()))));
        return ids.stream().map(rows::get).toList();
    }

    /** Whether the paper is in this tab of my library: a status (other than none) or, for "all", a rating also. */
    private static Condition inLibrary(long userId, String tab) {
        var myStatus = DSL.selectOne().from(READING_STATUS)
                .where(READING_STATUS.USER_ID.eq(userId), READING_STATUS.PAPER_ID.eq(PAPER.ID));
        if (!tab.equals("all")) {
            return DSL.exists(myStatus.and(READING_STATUS.STATUS.eq(tab)));
        }
        return DSL.exists(myStatus.and(READING_STATUS.STATUS.ne(Status.NONE.getSlug())))
                .or(DSL.exists(DSL.selectOne().from(RATING).where(RATING.USER_ID.eq(userId), RATING.PAPER_ID.eq(PAPER.ID))));
    }

    /** How many papers each tab of my library holds: "all" and every status slug. */
    public Map<String, Integer> libraryCounts(long userId) {
        return libraryCounts(userId, TagFilter.NONE);
    }

    /** How many papers each tab holds, counting only the papers that pass my tag filter. */
    public Map<String, Integer> libraryCounts(long userId, TagFilter tags) {
        return libraryCounts.get(userId + " " + tags.query(), () -> countLibrary(userId, tags));
    }

    private Map<String, Integer> countLibrary(long userId, TagFilter tags) {
        Map<String, Integer> counts = new HashMap<>();
        db.read().select(READING_STATUS.STATUS, DSL.count())
                .from(PAPER)
                .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID).and(READING_STATUS.USER_ID.eq(userId)))
                .where(PAPER.ID.in(mine(userId)), TagStore.matches(tags, PAPER.ID, userId))
                .groupBy(READING_STATUS.STATUS)
                .forEach(r -> counts.put(r.value1() == null ? Status.NONE.getSlug() : r.value1(), r.value2()));
        counts.put("all", counts.values().stream().mapToInt(Integer::intValue).sum());
        return Map.copyOf(counts);
    }

    /** The ids of the papers this person has a status other than none or a rating for. */
    private static Select<Record1<Long>> mine(long userId) {
        return DSL.select(READING_STATUS.PAPER_ID).from(READING_STATUS)
                .where(READING_STATUS.USER_ID.eq(userId), READING_STATUS.STATUS.ne(Status.NONE.getSlug()))
                .union(DSL.select(RATING.PAPER_ID).from(RATING).where(RATING.USER_ID.eq(userId)));
    }

    private static Condition inTab(String tab) {
        return tab.equals("all") ? DSL.noCondition() : READING_STATUS.STATUS.eq(tab);
    }
}
