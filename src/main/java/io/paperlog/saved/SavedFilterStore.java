package io.paperlog.saved;

import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;
import static io.paperlog.db.schema.Tables.SAVED_FILTER;

import io.paperlog.db.Database;
import io.paperlog.db.PerVersion;
import io.paperlog.db.Timestamps;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.search.SearchQuery;
import io.paperlog.search.SearchStore;
import io.paperlog.tags.TagStore;
import io.paperlog.tracking.Status;
import io.paperlog.web.Shortcuts;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A person's saved filters, and the papers one shows. Every query names the owner: another person's saved filter
 * is, to me, one that does not exist (404).
 */
public final class SavedFilterStore implements Shortcuts {

    public static final int MAX_PER_PERSON = 50;
    /** How many papers a filter's page lists, and a list made from it holds at most. */
    public static final int MAX_PAPERS = 500;

    private final Database db;
    private final Clock clock;
    private final SearchStore search;
    private final PerVersion<List<Shortcut>> shortcuts;

    public SavedFilterStore(Database db, Clock clock, SearchStore search) {
        this.db = db;
        this.clock = clock;
        this.search = search;
        this.shortcuts = new PerVersion<>(db);
    }

    public List<SavedFilter> mine(long ownerId) {
        return db.read().selectFrom(SAVED_FILTER).where(SAVED_FILTER.USER_ID.eq(ownerId))
                .orderBy(SAVED_FILTER.NAME_KEY, SAVED_FILTER.ID).fetch(SavedFilterStore::toFilter);
    }

    /** The navigation's links to my saved filters. */
    @Override
    public List<Shortcut> of(long accountId) {
        // every page's navigation shows them: kept until anything stored changes
        return shortcuts.get(String.valueOf(accountId),
                () -> mine(accountId).stream().map(f -> new Shortcut(f.name(), f.href())).toList());
    }

    public SavedFilter require(long ownerId, long id) {
        return db.read().selectFrom(SAVED_FILTER).where(SAVED_FILTER.ID.eq(id), SAVED_FILTER.USER_ID.eq(ownerId))
                .fetchOptional(SavedFilterStore::toFilter).orElseThrow(SavedFilterStore::notFound);
    }

    public long create(long ownerId, String name, SavedQuery query) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            if (dsl.fetchCount(SAVED_FILTER, SAVED_FILTER.USER_ID.eq(ownerId)) >= MAX_PER_PERSON) {
                throw UserError.conflict("name", "You have " + MAX_PER_PERSON + " saved views, as many as one person "
                        + "can; delete one first.");
            }
            requireFreeName(dsl, ownerId, name, 0);
            return dsl.insertInto(SAVED_FILTER).set(SAVED_FILTER.USER_ID, ownerId).set(SAVED_FILTER.NAME, name)
                    .set(SAVED_FILTER.NAME_KEY, key(name)).set(SAVED_FILTER.TARGET, query.target().slug())
                    .set(SAVED_FILTER.QUERY, query.query()).set(SAVED_FILTER.CREATED_AT, now)
                    .set(SAVED_FILTER.UPDATED_AT, now).returningResult(SAVED_FILTER.ID).fetchOne(SAVED_FILTER.ID);
        });
    }

    public void rename(long ownerId, long id, String name) {
        String now = Timestamps.now(clock);
        db.write(dsl -> {
            requireFreeName(dsl, ownerId, name, id);
            int changed = dsl.update(SAVED_FILTER).set(SAVED_FILTER.NAME, name).set(SAVED_FILTER.NAME_KEY, key(name))
                    .set(SAVED_FILTER.UPDATED_AT, now)
                    .where(SAVED_FILTER.ID.eq(id), SAVED_FILTER.USER_ID.eq(ownerId)).execute();
            if (changed == 0) {
                throw notFound();
            }
            return changed;
        });
    }

    public void delete(long ownerId, long id) {
        db.write(dsl -> {
            if (dsl.deleteFrom(SAVED_FILTER).where(SAVED_FILTER.ID.eq(id), SAVED_FILTER.USER_ID.eq(ownerId)).execute() == 0) {
                throw notFound();
            }
            return 1;
        });
    }

    /**
     * The papers a filter shows me, at most {@link #MAX_PAPERS}: a catalogue or library filter's by rank (my
     * statuses, ratings and tags are mine, the team's reading only what I may see); a search's as the search finds
     * them for me, best first, by what I may see (my notes, annotations shared with me, lists I may view).
     */
    public List<Paper> papers(long ownerId, SavedFilter filter) {
        SavedQuery query = filter.query();
        if (query.target() == SavedQuery.Target.SEARCH) {
            return found(ownerId, query);
        }
        Condition condition = TagStore.matches(query.tags(), PAPER.ID, ownerId);
        String status = query.first("status");
        if (query.target() == SavedQuery.Target.LIBRARY) {
            condition = condition.and(READING_STATUS.STATUS.isNotNull()).and(READING_STATUS.STATUS.ne(Status.NONE.getSlug()));
        }
        if (status != null && status.equals(Status.NONE.getSlug())) {
            condition = condition.and(READING_STATUS.STATUS.isNull().or(READING_STATUS.STATUS.eq(status)));
        } else if (status != null) {
            condition = condition.and(READING_STATUS.STATUS.eq(status));
        }
        if (query.first("rated") != null) {
            condition = condition.and(query.first("rated").equals("yes") ? RATING.HALVES.isNotNull() : RATING.HALVES.isNull());
        }
        return db.read().select(PAPER.fields()).from(PAPER)
                .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID), READING_STATUS.USER_ID.eq(ownerId))
                .leftJoin(RATING).on(RATING.PAPER_ID.eq(PAPER.ID), RATING.USER_ID.eq(ownerId))
                .where(condition)
                .orderBy(PAPER.RANK.asc().nullsLast(), PAPER.ID.asc())
                .limit(MAX_PAPERS)
                .fetch(PaperStore::toPaper);
    }

    private List<Paper> found(long ownerId, SavedQuery query) {
        List<Long> ids = search.paperIds(SearchQuery.parse(query.first("q")), ownerId, MAX_PAPERS);
        Map<Long, Paper> papers = db.read().selectFrom(PAPER).where(PAPER.ID.in(ids))
                .fetchMap(PAPER.ID, PaperStore::toPaper);
        return ids.stream().map(papers::get).filter(Objects::nonNull).toList();
    }

    private static void requireFreeName(DSLContext dsl, long ownerId, String name, long except) {
        if (dsl.fetchExists(SAVED_FILTER, SAVED_FILTER.USER_ID.eq(ownerId), SAVED_FILTER.NAME_KEY.eq(key(name)),
                SAVED_FILTER.ID.ne(except))) {
            throw UserError.conflict("name", "You have a saved view called " + name + " already; pick another name.");
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static SavedFilter toFilter(Record r) {
        return new SavedFilter(r.get(SAVED_FILTER.ID), r.get(SAVED_FILTER.NAME),
                new SavedQuery(SavedQuery.Target.of(r.get(SAVED_FILTER.TARGET)), r.get(SAVED_FILTER.QUERY)));
    }

    static UserError notFound() {
        return UserError.notFound("You have no saved view with that number.");
    }
}
