package io.paperlog.catalogue;

import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.db.PerVersion;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagStore;
import io.paperlog.tracking.LibraryStore;
import io.paperlog.tracking.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The catalogue as one person asks for it: filtered and ordered in SQL, including by their own statuses and
 * ratings. Built to stay fast at 100,000 papers and a million statuses (ScaleBenchmark): a page's ids are read
 * first, in the order of an index (filters are per-paper lookups of the person's rows, never a join to sort), and
 * only those 50 papers are then read whole; counts are kept per data version ({@link PerVersion}), and the whole
 * catalogue's while no paper changes ({@link PaperStore#count}). Pages of an order of my own, when that reads less,
 * are found in memory instead ({@link MarkedWalk}).
 */
public final class CatalogueStore {

    private final Database db;
    private final PaperStore papers;
    private final LibraryStore library;
    private final PerVersion<Integer> counts;
    private final PerVersion<Integer> byTags;
    private final MarkedWalk walk;
    private final Walking walking;

    /** When a page is found by {@link MarkedWalk}: when it reads less than SQL would; or always, or never (tests). */
    enum Walking { WHEN_CHEAPER, ALWAYS, NEVER }

    public CatalogueStore(Database db, PaperStore papers, LibraryStore library) {
        this(db, papers, library, Walking.WHEN_CHEAPER);
    }

    CatalogueStore(Database db, PaperStore papers, LibraryStore library, Walking walking) {
        this.db = db;
        this.papers = papers;
        this.library = library;
        this.counts = new PerVersion<>(db);
        this.byTags = new PerVersion<>(() -> tagsAndPapersVersion(db));
        this.walk = new MarkedWalk(db, new PaperOrder(db));
        this.walking = walking;
    }

    /**
     * A number that stands exactly while no tag and no paper changes: both numbers only grow, so their sum does. While
     * another process's commit is unseen, each is a new negative number that matches nothing, and so is this.
     */
    private static long tagsAndPapersVersion(Database db) {
        long tags = db.tagsVersion();
        long papers = db.papersVersion();
        return tags < 0 || papers < 0 ? Math.min(tags, papers) : tags + papers;
    }

    /** How many papers a page size of papers is cut from (the catalogue's and the API's). */
    public static final int PER_PAGE = 50;
    static final int FEW = 20;
    /** From which offset SQL reads more rows than a walk's first reading of my rows (about even at page 6). */
    static final long WALK_FROM = 250;

    /** The papers at {@code offset}, at most {@code limit} of them, in the query's order. */
    public List<Paper> papers(CatalogueQuery query, long viewerId, long offset, int limit) {
        List<Long> ids = walks(query, viewerId, offset) ? walk.ids(query, viewerId, offset, limit) : null;
        if (ids == null) {
            Condition where = filters(query, viewerId);
            ids = query.sort() == CatalogueSort.RATING ? byRating(query, where, viewerId, offset, limit)
                    : ids(few(query, viewerId), where, order(query.sort()), offset, limit);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Paper> papers = new HashMap<>();
        db.read().selectFrom(PAPER).where(PAPER.ID.in(ids)).forEach(r -> papers.put(r.getId(), PaperStore.toPaper(r)));
        return ids.stream().map(papers::get).filter(Objects::nonNull).toList(); // deleted since its id was read
    }

    /**
     * Whether the walk reads less than SQL: by my rating (SQL counts my rated papers and sorts each rating's by
     * citations), deep (SQL reads every row before the offset), or among few papers (SQL reads each whole to sort
     * them; the walk reads their ids).
     */
    private boolean walks(CatalogueQuery query, long viewerId, long offset) {
        if (walking == Walking.NEVER || !MarkedWalk.serves(query)) {
            return false;
        }
        return walking == Walking.ALWAYS || query.sort() == CatalogueSort.RATING || offset >= WALK_FROM
                || few(query, viewerId) != null;
    }

    private List<Long> ids(Select<Record1<Long>> few, Condition where, SortField<?>[] order, long offset, int limit) {
        Among among = Among.of(few);
        return db.read().select(PAPER.ID).from(among.papers()).where(where.and(among.join())).orderBy(order)
                .limit(limit).offset(offset).fetch(PAPER.ID);
    }

    /**
     * Where a query's papers come from: every paper, or only the {@code few} they can be among, SQLite starting from
     * those (CROSS JOIN keeps it from walking an index of the whole catalogue in order instead).
     */
    private record Among(Table<?> papers, Condition join) {
        static Among of(Select<Record1<Long>> few) {
            if (few == null) {
                return new Among(PAPER, DSL.noCondition());
            }
            Table<Record1<Long>> matching = few.asTable("few");
            return new Among(matching.crossJoin(PAPER), PAPER.ID.eq(matching.field(0, Long.class)));
        }
    }

    /**
     * When the filters match under 1 in {@link #FEW} papers, the papers they can only be among (my papers with that
     * status, or carrying those tags), to be sorted; null otherwise, when walking an index in order and looking up
     * each paper finds a page sooner.
     */
    private Select<Record1<Long>> few(CatalogueQuery query, long viewerId) {
        if (count(query, viewerId) * (long) FEW >= papers.count()) {
            return null;
        }
        Select<Record1<Long>> tagged = TagStore.carrying(query.tags(), viewerId);
        if (tagged != null) {
            return tagged;
        }
        if (query.status() != null && query.status() != Status.NONE) {
            return DSL.select(READING_STATUS.PAPER_ID).from(READING_STATUS)
                    .where(READING_STATUS.USER_ID.eq(viewerId), READING_STATUS.STATUS.eq(query.status().getSlug()));
        }
        return null;
    }

    /**
     * My rating, highest first, then unrated papers most cited first: the rated ones read from my ratings (an index
     * by stars), the rest from the citations index, so neither part sorts the whole catalogue.
     */
    private List<Long> byRating(CatalogueQuery query, Condition where, long viewerId, long offset, int limit) {
        Condition mine = RATING.USER_ID.eq(viewerId);
        int rated = counts.get("rated " + viewerId + " " + query.countKey(), () -> db.read().selectCount()
                .from(RATING).join(PAPER).on(PAPER.ID.eq(RATING.PAPER_ID)).where(mine, where).fetchOne(0, int.class));
        List<Long> ids = new ArrayList<>();
        if (offset < rated) {
            ids.addAll(db.read().select(PAPER.ID).from(RATING).join(PAPER).on(PAPER.ID.eq(RATING.PAPER_ID))
                    .where(mine, where).orderBy(RATING.HALVES.desc(), PAPER.CITATIONS.desc(), PAPER.ID.asc())
                    .limit(limit).offset(offset).fetch(PAPER.ID));
        }
        if (ids.size() < limit) {
            Condition unrated = where.andNotExists(DSL.selectOne().from(RATING).where(mine, RATING.PAPER_ID.eq(PAPER.ID)));
            ids.addAll(ids(null, unrated, order(CatalogueSort.CITATIONS), Math.max(0, offset - rated), limit - ids.size()));
        }
        return ids;
    }

    /** How many papers match the query's filters. */
    public int count(CatalogueQuery query, long viewerId) {
        if (!query.filtered() && !query.yearsFiltered() && !query.tags().active()) {
            return papers.count();
        }
        if (!query.filtered() && !query.tags().unreadByTeam()) {
            // by my tags and years alone: kept while no tag and no paper changes, through my status writes
            return byTags.get(viewerId + " " + query.countKey(), () -> filteredCount(query, viewerId));
        }
        return counts.get(viewerId + " " + query.countKey(), () -> filteredCount(query, viewerId));
    }

    private int filteredCount(CatalogueQuery query, long viewerId) {
        if (onlyStatus(query)) {
            // the library's tab "none" holds papers rated without a status: not a status of their own
            Map<String, Integer> tabs = library.libraryCounts(viewerId);
            return query.status() == Status.NONE
                    ? papers.count() - (tabs.getOrDefault("all", 0) - tabs.getOrDefault(Status.NONE.getSlug(), 0))
                    : tabs.getOrDefault(query.status().getSlug(), 0);
        }
        // from the papers carrying my tags, if I filter by some: asking each paper took 75 ms at 100,000
        Among among = Among.of(TagStore.carrying(query.tags(), viewerId));
        return db.read().fetchCount(among.papers(), filters(query, viewerId).and(among.join()));
    }

    /** Only my status filters: its count is the library's (V22). */
    private static boolean onlyStatus(CatalogueQuery query) {
        return query.status() != null && query.rated() == null && !query.yearsFiltered() && !query.tags().active();
    }

    private static Condition filters(CatalogueQuery query, long viewerId) {
        Condition condition = years(query).and(TagStore.matches(query.tags(), PAPER.ID, viewerId));
        var myStatus = DSL.selectOne().from(READING_STATUS)
                .where(READING_STATUS.USER_ID.eq(viewerId), READING_STATUS.PAPER_ID.eq(PAPER.ID));
        if (query.status() == Status.NONE) {
            condition = condition.andNotExists(myStatus.and(READING_STATUS.STATUS.ne(Status.NONE.getSlug())));
        } else if (query.status() != null) {
            condition = condition.andExists(myStatus.and(READING_STATUS.STATUS.eq(query.status().getSlug())));
        }
        if (query.rated() != null) {
            var myRating = DSL.selectOne().from(RATING).where(RATING.USER_ID.eq(viewerId), RATING.PAPER_ID.eq(PAPER.ID));
            condition = query.rated() ? condition.andExists(myRating) : condition.andNotExists(myRating);
        }
        return condition;
    }

    private static Condition years(CatalogueQuery query) {
        Condition condition = DSL.noCondition();
        if (query.yearFrom() != null) {
            condition = condition.and(PAPER.YEAR.ge(query.yearFrom()));
        }
        if (query.yearTo() != null) {
            condition = condition.and(PAPER.YEAR.le(query.yearTo()));
        }
        return condition;
    }

    /**
     * Ties go to the lower id: only the seeded papers have a rank, and theirs is their id, so this is "rank, then
     * the oldest added" as well, and the order each index already ends with.
     */
    static SortField<?>[] order(CatalogueSort sort) {
        return switch (sort) {
            case CITATIONS, RATING -> new SortField<?>[] {PAPER.CITATIONS.desc(), PAPER.ID.asc()};
            case NEWEST -> new SortField<?>[] {PAPER.YEAR.desc().nullsLast(), PAPER.CITATIONS.desc(), PAPER.ID.asc()};
            case TITLE -> new SortField<?>[] {PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc()};
        };
    }
}
