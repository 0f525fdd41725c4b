package io.paperlog.catalogue;

import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagStore;
import io.paperlog.tracking.Status;
import java.util.List;
import org.jooq.Condition;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * The catalogue as one person asks for it: filtered and ordered in SQL, including by their own statuses and
 * ratings, which are joined for this person only.
 */
public final class CatalogueStore {

    private final Database db;

    public CatalogueStore(Database db) {
        this.db = db;
    }

    /** How many papers a page size of papers is cut from (the catalogue's and the API's). */
    public static final int PER_PAGE = 50;

    /** The papers at {@code offset}, at most {@code limit} of them, in the query's order. */
    public List<Paper> papers(CatalogueQuery query, long viewerId, long offset, int limit) {
        return db.read()
                .select(PAPER.fields())
                .from(PAPER)
                .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID), READING_STATUS.USER_ID.eq(viewerId))
                .leftJoin(RATING).on(RATING.PAPER_ID.eq(PAPER.ID), RATING.USER_ID.eq(viewerId))
                .where(filters(query, viewerId))
                .orderBy(order(query.sort()))
                .limit(limit)
                .offset(offset)
                .fetch(PaperStore::toPaper);
    }

    /** How many papers match the query's filters. */
    public int count(CatalogueQuery query, long viewerId) {
        if (!query.filtered() && !query.tags().active()) {
            return db.read().fetchCount(PAPER, years(query));
        }
        return db.read()
                .selectCount()
                .from(PAPER)
                .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID), READING_STATUS.USER_ID.eq(viewerId))
                .leftJoin(RATING).on(RATING.PAPER_ID.eq(PAPER.ID), RATING.USER_ID.eq(viewerId))
                .where(filters(query, viewerId))
                .fetchOne(0, int.class);
    }

    private static Condition filters(CatalogueQuery query, long viewerId) {
        Condition condition = years(query).and(TagStore.matches(query.tags(), PAPER.ID, viewerId));
        if (query.status() == Status.NONE) {
            condition = condition.and(READING_STATUS.STATUS.isNull().or(READING_STATUS.STATUS.eq(Status.NONE.getSlug())));
        } else if (query.status() != null) {
            condition = condition.and(READING_STATUS.STATUS.eq(query.status().getSlug()));
        }
        if (query.rated() != null) {
            condition = condition.and(query.rated() ? RATING.HALVES.isNotNull() : RATING.HALVES.isNull());
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

    private static SortField<?>[] order(CatalogueSort sort) {
        return switch (sort) {
            case CITATIONS -> new SortField<?>[] {PAPER.CITATIONS.desc(), PAPER.RANK.asc().nullsLast(), PAPER.ID.asc()};
            case NEWEST -> new SortField<?>[] {PAPER.YEAR.desc().nullsLast(), PAPER.CITATIONS.desc(),
                    PAPER.RANK.asc().nullsLast(), PAPER.ID.asc()};
            case TITLE -> new SortField<?>[] {PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc()};
            case RATING -> new SortField<?>[] {RATING.HALVES.desc().nullsLast(), PAPER.CITATIONS.desc(),
                    PAPER.RANK.asc().nullsLast(), PAPER.ID.asc()};
        };
    }
}
