package io.paperlog.lists;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.LIST_COMMENT;
import static io.paperlog.db.schema.Tables.LIST_ITEM;

import io.paperlog.activity.ActivityLog;
import io.paperlog.activity.ActivityLog.ListPlace;
import io.paperlog.activity.ActivityLog.Reason;
import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.privacy.Visible;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The discussion of a list's items: whoever may see the list reads and comments; an author edits and deletes
 * their own comments, and the list's owner may delete any. A new comment tells whoever added the item and whoever
 * commented on it before.
 */
public final class CommentStore {

    private final Database db;
    private final Clock clock;
    private final ActivityLog activity;

    public CommentStore(Database db, Clock clock, ActivityLog activity) {
        this.db = db;
        this.clock = clock;
        this.activity = activity;
    }

    /** The item's comments, oldest first, if {@code viewerId} may see its list. */
    public List<Comment> comments(long listId, long itemId, long viewerId) {
        return db.read().select(LIST_COMMENT.ID, LIST_COMMENT.ITEM_ID, LIST_COMMENT.AUTHOR_ID, ACCOUNT.DISPLAY_NAME,
                        LIST_COMMENT.BODY, LIST_COMMENT.CREATED_AT, LIST_COMMENT.UPDATED_AT)
                .from(LIST_COMMENT)
                .join(LIST_ITEM).on(LIST_ITEM.ID.eq(LIST_COMMENT.ITEM_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(LIST_COMMENT.AUTHOR_ID))
                .where(LIST_ITEM.ID.eq(itemId), LIST_ITEM.LIST_ID.eq(listId), Visible.list(LIST_ITEM.LIST_ID, viewerId))
                .orderBy(LIST_COMMENT.ID)
                .fetch(r -> new Comment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    public long add(long listId, long itemId, long authorId, String body) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            ListStore.require(dsl, listId, authorId, Role.VIEWER);
            var item = dsl.select(LIST_ITEM.PAPER_ID, LIST_ITEM.ADDED_BY).from(LIST_ITEM)
                    .where(LIST_ITEM.ID.eq(itemId), LIST_ITEM.LIST_ID.eq(listId))
                    .fetchOptional().orElseThrow(() -> UserError.notFound("That paper is not on this list."));
            Set<Long> concerned = new LinkedHashSet<>();
            if (item.value2() != null) {
                concerned.add(item.value2());
            }
            concerned.addAll(dsl.selectDistinct(LIST_COMMENT.AUTHOR_ID).from(LIST_COMMENT)
                    .where(LIST_COMMENT.ITEM_ID.eq(itemId)).fetch(LIST_COMMENT.AUTHOR_ID));
            long commentId = dsl.insertInto(LIST_COMMENT)
                    .set(LIST_COMMENT.ITEM_ID, itemId).set(LIST_COMMENT.AUTHOR_ID, authorId)
                    .set(LIST_COMMENT.BODY, body).set(LIST_COMMENT.CREATED_AT, now).set(LIST_COMMENT.UPDATED_AT, now)
                    .returningResult(LIST_COMMENT.ID).fetchOne(LIST_COMMENT.ID);
            long entry = activity.comment(dsl, authorId, new ListPlace(listId, itemId, item.value1()), commentId);
            activity.notify(dsl, entry, Reason.COMMENT, concerned);
            return commentId;
        });
    }

    /** Changes the author's own comment; 403 for anyone else's. */
    public long edit(long listId, long commentId, long authorId, String body) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            ListStore.require(dsl, listId, authorId, Role.VIEWER);
            long itemId = commentOf(dsl, listId, commentId, authorId, false);
            dsl.update(LIST_COMMENT).set(LIST_COMMENT.BODY, body).set(LIST_COMMENT.UPDATED_AT, now)
                    .where(LIST_COMMENT.ID.eq(commentId)).execute();
            return itemId;
        });
    }

    /** Deletes a comment: the author's own, or any for the list's owner; 403 for anyone else. */
    public long delete(long listId, long commentId, long actorId) {
        return db.write(dsl -> {
            ListAccess access = ListStore.require(dsl, listId, actorId, Role.VIEWER);
            long itemId = commentOf(dsl, listId, commentId, actorId, access.isOwner());
            dsl.deleteFrom(LIST_COMMENT).where(LIST_COMMENT.ID.eq(commentId)).execute();
            return itemId;
        });
    }

    /** The item of a comment on this list, if {@code actorId} wrote it (or {@code anyone} may act on it). */
    private static long commentOf(DSLContext dsl, long listId, long commentId, long actorId, boolean anyone) {
        var comment = dsl.select(LIST_COMMENT.ITEM_ID, LIST_COMMENT.AUTHOR_ID).from(LIST_COMMENT)
                .join(LIST_ITEM).on(LIST_ITEM.ID.eq(LIST_COMMENT.ITEM_ID))
                .where(LIST_COMMENT.ID.eq(commentId), LIST_ITEM.LIST_ID.eq(listId))
                .fetchOptional().orElseThrow(() -> UserError.notFound("There is no such comment on this list."));
        if (!anyone && comment.value2() != actorId) {
            throw UserError.forbidden("Only its author can change this comment.");
        }
        return comment.value1();
    }
}
