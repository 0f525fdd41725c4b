package io.paperlog.catalogue;

import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagFilter;
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

    public List<Paper> papers(CatalogueQuery query, long viewerId) {
        return papers(query, TagFilter.NONE, viewerId);
    }

    /** The catalogue, also filtered by the viewer's own tags (and what the team has read) as {@code tags} asks. */
    public List<Paper> papers(CatalogueQuery query, TagFilter tags, long viewerId) {
        return db.read()
                .select(PAPER.fields())
                .from(PAPER)
                .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID), READING_STATUS.USER_ID.eq(viewerId))
                .leftJoin(RATING).on(RATING.PAPER_ID.eq(PAPER.ID), RATING.USER_ID.eq(viewerId))
                .where(filters(query), TagStore.matches(tags, PAPER.ID, viewerId))
                .orderBy(order(query.sort()))
                .fetch(PaperStore::toPaper);
    }

    private static Condition filters(CatalogueQuery query) {
        Condition condition = DSL.noCondition();
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

    private static SortField<?>[] order(CatalogueSort sort) {
        return switch (sort) {
            case RANK -> new SortField<?>[] {PAPER.RANK.asc().nullsLast(), PAPER.ID.asc()};
            case CITATIONS -> new SortField<?>[] {PAPER.CITATIONS.desc(), PAPER.RANK.asc().nullsLast(), PAPER.ID.asc()};
            case TITLE -> new SortField<?>[] {PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc()};
            case RATING -> new SortField<?>[] {RATING.HALVES.desc().nullsLast(), PAPER.RANK.asc().nullsLast(),
                    PAPER.ID.asc()};
        };
    }
}
