package io.paperlog.lists;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.LIST_COMMENT;
import static io.paperlog.db.schema.Tables.LIST_ITEM;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.READING_LIST;

import io.paperlog.activity.ActivityLog;
import io.paperlog.activity.ActivityLog.ListPlace;
import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.Account;
import io.paperlog.papers.AbstractMarkup;
import io.paperlog.privacy.Visible;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * The papers on a list, in order, with their notes and sessions. Reading needs the list to be visible to the
 * reader; changing needs an editor, checked in the change's own transaction. Every change to the items' set or
 * order moves the list's version on, so an order sent from an older page is refused (409) instead of losing or
 * doubling an item.
 */
public final class ItemStore {

    private static final Account ADDED_BY = ACCOUNT.as("added_by_account");
    private static final Account PRESENTER = ACCOUNT.as("presenter");
    private static final String COMMENTS = "comments";
    static final String STALE = "The list changed since this page was opened (someone else moved or added a paper). "
            + "Here it is as it is now; please move it again.";

    private final Database db;
    private final Clock clock;
    private final ActivityLog activity;

    public ItemStore(Database db, Clock clock, ActivityLog activity) {
        this.db = db;
        this.clock = clock;
        this.activity = activity;
    }

    /** The list's items in order, if {@code viewerId} may see the list (none otherwise). */
    public List<ListItem> items(long listId, long viewerId) {
        return select(db.read(), LIST_ITEM.LIST_ID.eq(listId).and(Visible.list(LIST_ITEM.LIST_ID, viewerId)))
                .orderBy(LIST_ITEM.POSITION, LIST_ITEM.ID)
                .fetch(ItemStore::toItem);
    }

    /** One item of a list {@code viewerId} may see; 404 otherwise. */
    public ListItem item(long listId, long itemId, long viewerId) {
        return select(db.read(), LIST_ITEM.ID.eq(itemId).and(LIST_ITEM.LIST_ID.eq(listId))
                .and(Visible.list(LIST_ITEM.LIST_ID, viewerId)))
                .fetchOptional(ItemStore::toItem)
                .orElseThrow(() -> UserError.notFound("That paper is not on this list."));
    }

    /** A paper just put on a list: its item, and the paper's title as plain text for saying so. */
    public record Added(long itemId, String title) {}

    /** Adds a paper at the end of the list, with an optional note; 409 if it is on the list already. */

    public Added add(long listId, long actorId, long paperId, String note) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            ListStore.require(dsl, listId, actorId, Role.EDITOR);
            String title = dsl.select(PAPER.TITLE).from(PAPER).where(PAPER.ID.eq(paperId)).fetchOptional(PAPER.TITLE)
                    .orElseThrow(() -> UserError.notFound("There is no paper " + paperId + "."));
            if (dsl.fetchExists(LIST_ITEM, LIST_ITEM.LIST_ID.eq(listId), LIST_ITEM.PAPER_ID.eq(paperId))) {
                throw UserError.conflict("That paper is on this list already.");
            }
            Integer last = dsl.select(DSL.max(LIST_ITEM.POSITION)).from(LIST_ITEM).where(LIST_ITEM.LIST_ID.eq(listId))
                    .fetchOne(0, Integer.class);
            long itemId = dsl.insertInto(LIST_ITEM)
                    .set(LIST_ITEM.LIST_ID, listId).set(LIST_ITEM.PAPER_ID, paperId)
                    .set(LIST_ITEM.POSITION, last == null ? 1 : last + 1)
                    .set(LIST_ITEM.NOTE, note).set(LIST_ITEM.ADDED_BY, actorId).set(LIST_ITEM.ADDED_AT, now)
                    .returningResult(LIST_ITEM.ID).fetchOne(LIST_ITEM.ID);
            changed(dsl, listId);
            activity.item(dsl, actorId, new ListPlace(listId, itemId, paperId));
            return new Added(itemId, AbstractMarkup.toPlainText(title));
        });
    }

    public void remove(long listId, long itemId, long actorId) {
        db.write(dsl -> {
            ListStore.require(dsl, listId, actorId, Role.EDITOR);
            if (dsl.deleteFrom(LIST_ITEM).where(LIST_ITEM.ID.eq(itemId), LIST_ITEM.LIST_ID.eq(listId)).execute() == 0) {
                throw UserError.notFound("That paper is not on this list.");
            }
            return changed(dsl, listId);
        });
    }

    /** Moves one item a step (or to an end), if the list is still at {@code version}; 409 otherwise. */
    public void move(long listId, long actorId, MoveForm move) {
        db.write(dsl -> {
            ListStore.require(dsl, listId, actorId, Role.EDITOR);
            List<Long> order = currentOrder(dsl, listId, move.version());
            int at = order.indexOf(move.itemId());
            if (at < 0) {
                throw UserError.notFound("That paper is not on this list.");
            }
            order.remove(at);
            order.add(move.direction().target(at, order.size()), move.itemId());
            return write(dsl, listId, order);
        });
    }

    /** Puts the items in {@code order}, which must name each of them once, if the list is still at its version. */
    public void reorder(long listId, long actorId, OrderForm order) {
        db.write(dsl -> {
            ListStore.require(dsl, listId, actorId, Role.EDITOR);
            List<Long> current = currentOrder(dsl, listId, order.version());
            if (order.itemIds().size() != current.size() || !new HashSet<>(order.itemIds()).equals(new HashSet<>(current))) {
                throw UserError.conflict(STALE);
            }
            return write(dsl, listId, new ArrayList<>(order.itemIds()));
        });
    }

    public void setNote(long listId, long itemId, long actorId, String note) {
        db.write(dsl -> {
            ListStore.require(dsl, listId, actorId, Role.EDITOR);
            return requireOne(dsl.update(LIST_ITEM).set(LIST_ITEM.NOTE, note)
                    .where(LIST_ITEM.ID.eq(itemId), LIST_ITEM.LIST_ID.eq(listId)).execute());
        });
    }

    /**
     * Papers whose title contains {@code words}, not on the list yet: for adding from the list's page, for someone
     * who may see the list.
     */
    public List<ListItem> candidates(long listId, long viewerId, String words) {
        String pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.read().select(PAPER.ID, PAPER.RANK, PAPER.TITLE).from(PAPER)
                .where(PAPER.TITLE.likeIgnoreCase(pattern, '\\'), Visible.list(DSL.val(listId), viewerId))
                .andNotExists(DSL.selectOne().from(LIST_ITEM).where(LIST_ITEM.LIST_ID.eq(listId),
                        LIST_ITEM.PAPER_ID.eq(PAPER.ID)))
                .orderBy(PAPER.RANK.asc().nullsLast(), PAPER.ID)
                .limit(20)
                .fetch(r -> new ListItem(0, listId, r.value1(), r.value2(), r.value3(), 0, "", null, null, null, null,
                        null, 0));
    }

    /** The ids of the papers on a list {@code viewerId} may see, for marking them where papers are offered. */
    public List<Long> paperIds(long listId, long viewerId) {
        return db.read().select(LIST_ITEM.PAPER_ID).from(LIST_ITEM)
                .where(LIST_ITEM.LIST_ID.eq(listId), Visible.list(LIST_ITEM.LIST_ID, viewerId))
                .fetch(LIST_ITEM.PAPER_ID);
    }

    private static List<Long> currentOrder(DSLContext dsl, long listId, int expectedVersion) {
        int version = dsl.select(READING_LIST.VERSION).from(READING_LIST).where(READING_LIST.ID.eq(listId))
                .fetchOne(READING_LIST.VERSION);
        if (version != expectedVersion) {
            throw UserError.conflict(STALE);
        }
        return new ArrayList<>(dsl.select(LIST_ITEM.ID).from(LIST_ITEM).where(LIST_ITEM.LIST_ID.eq(listId))
                .orderBy(LIST_ITEM.POSITION, LIST_ITEM.ID).fetch(LIST_ITEM.ID));
    }

    private static int write(DSLContext dsl, long listId, List<Long> order) {
        for (int i = 0; i < order.size(); i++) {
            dsl.update(LIST_ITEM).set(LIST_ITEM.POSITION, i + 1).where(LIST_ITEM.ID.eq(order.get(i))).execute();
        }
        return changed(dsl, listId);
    }

    private static int changed(DSLContext dsl, long listId) {
        return dsl.update(READING_LIST).set(READING_LIST.VERSION, READING_LIST.VERSION.plus(1))
                .where(READING_LIST.ID.eq(listId)).execute();
    }

    static int requireOne(int changed) {
        if (changed == 0) {
            throw UserError.notFound("That paper is not on this list.");
        }
        return changed;
    }

    private static SelectConditionStep<Record> select(DSLContext dsl, Condition condition) {
        Field<Integer> comments = DSL.field(DSL.selectCount().from(LIST_COMMENT)
                .where(LIST_COMMENT.ITEM_ID.eq(LIST_ITEM.ID))).as(COMMENTS);
        return dsl.select(LIST_ITEM.fields()).select(PAPER.RANK, PAPER.TITLE, ADDED_BY.DISPLAY_NAME,
                        PRESENTER.USERNAME, PRESENTER.DISPLAY_NAME, comments)
                .from(LIST_ITEM)
                .join(PAPER).on(PAPER.ID.eq(LIST_ITEM.PAPER_ID))
                .leftJoin(ADDED_BY).on(ADDED_BY.ID.eq(LIST_ITEM.ADDED_BY))
                .leftJoin(PRESENTER).on(PRESENTER.ID.eq(LIST_ITEM.PRESENTER_ID), PRESENTER.IS_ACTIVE.eq(1))
                .where(condition);
    }

    private static ListItem toItem(Record r) {
        return new ListItem(r.get(LIST_ITEM.ID), r.get(LIST_ITEM.LIST_ID), r.get(LIST_ITEM.PAPER_ID), r.get(PAPER.RANK),
                r.get(PAPER.TITLE), r.get(LIST_ITEM.POSITION), r.get(LIST_ITEM.NOTE), r.get(ADDED_BY.DISPLAY_NAME),
                r.get(LIST_ITEM.ADDED_AT), r.get(LIST_ITEM.SESSION_ON), r.get(PRESENTER.USERNAME),
                r.get(PRESENTER.DISPLAY_NAME), r.get(COMMENTS, Integer.class));
    }
}
