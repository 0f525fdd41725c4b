package io.paperlog.tracking;

import static io.paperlog.db.schema.Tables.LIBRARY_COUNT;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.db.PerVersion;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagStore;
import io.paperlog.tracking.TrackingStore.LibraryRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * My library, a page at a time: the papers I have a status (other than none) or a rating for, by tab, and how many
 * each tab holds (kept per data version, so paging does not count them again).
 */
public final class LibraryStore {

    static final int FEW = 20;
    /** Up to how many papers the first part of a rating or finished sort is kept whole, in order, per data version. */
    static final int FIRST_KEPT = 2_000;

    private final Database db;
    private final PerVersion<Map<String, Integer>> libraryCounts;
    private final PerVersion<Integer> firstCounts;
    private final PerVersion<List<Long>> firstIds;
    private final PaperStore papers;
    private final int firstKept;

    public LibraryStore(Database db, PaperStore papers) {
        this(db, papers, FIRST_KEPT);
    }

    /** With first parts kept whole up to {@code firstKept} papers (tests page both ways). */
    LibraryStore(Database db, PaperStore papers, int firstKept) {
        this.db = db;
        this.papers = papers;
        this.firstKept = firstKept;
        this.libraryCounts = new PerVersion<>(db);
        this.firstCounts = new PerVersion<>(db);
        this.firstIds = new PerVersion<>(db);
    }

    /**
     * One page of my library: the papers of {@code tab} ("all" or a status slug) that pass my tag filter, in the order
     * {@code sort} names (title, finished or rating; then title). Its ids are read first, each part in an index's
     * order, so a page costs what precedes it rather than my whole library: by title, walking the title index and
     * looking up my rows for each paper; by finished (or rating), my finished (or rated) papers from their index,
     * then the rest of the tab by title. Then only those rows are read whole.
     */
    public List<LibraryRow> libraryPage(long userId, String tab, String sort, TagFilter tags, long offset, int limit) {
        Condition tagged = TagStore.matches(tags, PAPER.ID, userId);
        Condition inTab = inLibrary(userId, tab).and(tagged);
        Select<Record1<Long>> few = few(userId, tab, tags);
        List<Long> ids = switch (sort) {
            case "finished" -> {
                Condition finished = READING_STATUS.USER_ID.eq(userId).and(READING_STATUS.FINISHED_ON.isNotNull())
                        .and(tab.equals("all") ? READING_STATUS.STATUS.ne(Status.NONE.getSlug())
                                : READING_STATUS.STATUS.eq(tab));
                String key = "finished " + userId + " " + tab + tags.query();
                yield firstThenByTitle(READING_STATUS, READING_STATUS.PAPER_ID, finished,
                        TagStore.matches(tags, READING_STATUS.PAPER_ID, userId), inTab, few,
                        READING_STATUS.FINISHED_ON.desc(), key, offset, limit);
            }
            case "rating" -> {
                String key = "rated " + userId + " " + tab + tags.query();
                if (tab.equals("all")) {
                    yield firstThenByTitle(RATING, RATING.PAPER_ID, RATING.USER_ID.eq(userId),
                            TagStore.matches(tags, RATING.PAPER_ID, userId), inTab, few, RATING.HALVES.desc(), key,
                            offset, limit);
                }
                // a tab holds fewer papers than I rated: SQLite starts from its statuses (CROSS JOIN keeps it so)
                Condition ratedInTab = READING_STATUS.USER_ID.eq(userId).and(READING_STATUS.STATUS.eq(tab))
                        .and(RATING.USER_ID.eq(userId)).and(RATING.PAPER_ID.eq(READING_STATUS.PAPER_ID));
                yield firstThenByTitle(READING_STATUS.crossJoin(RATING), RATING.PAPER_ID, ratedInTab,
                        TagStore.matches(tags, RATING.PAPER_ID, userId), inTab, few, RATING.HALVES.desc(), key,
                        offset, limit);
            }
            default -> byTitle(few, inTab, offset, limit);
        };
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

    /** By title: walking the title index, or when {@code few} is given, sorting the few papers it names. */
    private List<Long> byTitle(Select<Record1<Long>> few, Condition where, long offset, int limit) {
        if (few == null) {
            return db.read().select(PAPER.ID).from(PAPER).where(where)
                    .orderBy(PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc()).limit(limit).offset(offset)
                    .fetch(PAPER.ID);
        }
        // CROSS JOIN keeps SQLite from walking the title index of the whole catalogue instead
        Table<Record1<Long>> matching = few.asTable("few");
        return db.read().select(PAPER.ID).from(matching).crossJoin(PAPER)
                .where(where.and(PAPER.ID.eq(matching.field(0, Long.class))))
                .orderBy(PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc()).limit(limit).offset(offset)
                .fetch(PAPER.ID);
    }

    /**
     * As the catalogue does (CatalogueStore.few): when the tab, through my tag filter, holds under 1 paper in
     * {@link #FEW}, the papers it can only be among (carrying those tags, or my papers with that status), to be
     * sorted; null otherwise, when walking the title index and looking up each paper finds a page sooner.
     */
    private Select<Record1<Long>> few(long userId, String tab, TagFilter tags) {
        int inTab = libraryCounts(userId, tags).getOrDefault(tab, 0);
        if (inTab * (long) FEW >= papers.count()) {
            return null;
        }
        Select<Record1<Long>> tagged = TagStore.carrying(tags, userId);
        if (tagged != null) {
            return tagged;
        }
        if (!tab.equals("all")) {
            return DSL.select(READING_STATUS.PAPER_ID).from(READING_STATUS)
                    .where(READING_STATUS.USER_ID.eq(userId), READING_STATUS.STATUS.eq(tab));
        }
        return null;
    }

    /**
     * The papers of the tab that have a row in {@code table} matching {@code first} (which puts them in the tab) and
     * pass my tag filter {@code tagged} (over {@code paperId}, so that counting them needs no paper: joined to each,
     * a status tab's 25,000 took 90 ms), in {@code order} then by title; then the rest of the tab ({@code inTab}) by
     * title (from {@code few}, when the tab is small). The first part's size (kept per data version) says where the
     * rest begins. A first part of up to {@link #FIRST_KEPT} papers is kept whole, in order, beside its size: finding
     * it reads every row of the tab or of my ratings (a status tab by rating: 7,000 of them, 11 ms, at 100,000
     * papers), which each of its pages would otherwise do again.
     */
    private List<Long> firstThenByTitle(Table<?> table, Field<Long> paperId, Condition first, Condition tagged,
                                        Condition inTab, Select<Record1<Long>> few, SortField<?> order, String key,
                                        long offset, int limit) {
        int firstCount = firstCounts.get(key, () -> db.read().fetchCount(table, first.and(tagged)));
        var firstPart = db.read().select(PAPER.ID).from(table).join(PAPER).on(PAPER.ID.eq(paperId)).where(first, tagged)
                .orderBy(order, PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc());
        List<Long> ids = new ArrayList<>();
        if (offset < firstCount && firstCount <= firstKept) {
            List<Long> kept = firstIds.get(key, () -> List.copyOf(firstPart.fetch(PAPER.ID)));
            ids.addAll(kept.subList((int) Math.min(offset, kept.size()), (int) Math.min(offset + limit, kept.size())));
        } else if (offset < firstCount) {
            ids.addAll(firstPart.limit(limit).offset(offset).fetch(PAPER.ID));
        }
        if (ids.size() < limit) {
            Condition rest = inTab.andNotExists(DSL.selectOne().from(table).where(first, paperId.eq(PAPER.ID)));
            ids.addAll(byTitle(few, rest, Math.max(0, offset - firstCount), limit - ids.size()));
        }
        return ids;
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

    /**
     * Without a tag filter, as V22's triggers keep them; with one, my statuses counted on their own index, and my
     * rated papers without a status as "none".
     */
    private Map<String, Integer> countLibrary(long userId, TagFilter tags) {
        Map<String, Integer> counts = new HashMap<>();
        if (!tags.active()) {
            db.read().select(LIBRARY_COUNT.TAB, LIBRARY_COUNT.PAPERS).from(LIBRARY_COUNT)
                    .where(LIBRARY_COUNT.USER_ID.eq(userId), LIBRARY_COUNT.PAPERS.gt(0))
                    .forEach(r -> counts.put(r.value1(), r.value2()));
        } else {
            db.read().select(READING_STATUS.STATUS, DSL.count())
                    .from(READING_STATUS)
                    .where(READING_STATUS.USER_ID.eq(userId), READING_STATUS.STATUS.ne(Status.NONE.getSlug()),
                            TagStore.matches(tags, READING_STATUS.PAPER_ID, userId))
                    .groupBy(READING_STATUS.STATUS)
                    .forEach(r -> counts.put(r.value1(), r.value2()));
            int ratedOnly = db.read().fetchCount(RATING, RATING.USER_ID.eq(userId),
                    TagStore.matches(tags, RATING.PAPER_ID, userId),
                    DSL.notExists(DSL.selectOne().from(READING_STATUS).where(READING_STATUS.USER_ID.eq(userId),
                            READING_STATUS.PAPER_ID.eq(RATING.PAPER_ID), READING_STATUS.STATUS.ne(Status.NONE.getSlug()))));
            if (ratedOnly > 0) {
                counts.put(Status.NONE.getSlug(), ratedOnly);
            }
        }
        counts.put("all", counts.values().stream().mapToInt(Integer::intValue).sum());
        return Map.copyOf(counts);
    }
}
