package io.paperlog.activity;

import static io.paperlog.db.schema.Tables.ACTIVITY;
import static io.paperlog.db.schema.Tables.NOTIFICATION;

import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.records.ActivityRecord;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;

/**
 * Writes what people do into the activity feed, and what concerns someone into their notifications, inside the
 * transaction of the change itself, so an entry exists exactly when its change does. Each kind of entry sets only
 * the columns it is about. Who may see an entry is decided when it is read ({@link Feed}), not here.
 */
public final class ActivityLog {

    /** The kinds of entry, as stored. */
    public enum Kind {
        STATUS, RATING, ANNOTATION, REPLY, LIST, ITEM, COMMENT, SESSION, MEMBER;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why an entry concerns someone, as stored. */
    public enum Reason {
        /** A reply to their annotation. */
        REPLY,
        /** A comment on a list item they added or commented on. */
        COMMENT,
        /** They were added to a list. */
        ADDED,
        /** They present a session. */
        PRESENTING;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Clock clock;

    public ActivityLog(Clock clock) {
        this.clock = clock;
    }

    /** {@code actorId} moved a paper to a status (its slug). Nothing refers to such an entry: no id comes back. */
    public void status(DSLContext dsl, long actorId, long paperId, String status) {
        entry(dsl, actorId, Kind.STATUS, status).set(ACTIVITY.PAPER_ID, paperId).execute();
    }

    /** {@code actorId} rated a paper, {@code stars} as people read it ("3.5"). No id comes back either. */
    public void rating(DSLContext dsl, long actorId, long paperId, String stars) {
        entry(dsl, actorId, Kind.RATING, stars).set(ACTIVITY.PAPER_ID, paperId).execute();
    }

    /** {@code actorId} shared an annotation with the team. */
    public long annotation(DSLContext dsl, long actorId, long paperId, long annotationId) {
        return id(entry(dsl, actorId, Kind.ANNOTATION, "").set(ACTIVITY.PAPER_ID, paperId)
                .set(ACTIVITY.ANNOTATION_ID, annotationId));
    }

    /** {@code actorId} replied to an annotation on a paper. */
    public long reply(DSLContext dsl, long actorId, long paperId, long annotationId, long replyId) {
        return id(entry(dsl, actorId, Kind.REPLY, "").set(ACTIVITY.PAPER_ID, paperId)
                .set(ACTIVITY.ANNOTATION_ID, annotationId).set(ACTIVITY.REPLY_ID, replyId));
    }

    /** {@code actorId} made a list. */
    public long list(DSLContext dsl, long actorId, long listId) {
        return id(entry(dsl, actorId, Kind.LIST, "").set(ACTIVITY.LIST_ID, listId));
    }

    /** {@code actorId} added a paper to a list, as {@code item}. */
    public long item(DSLContext dsl, long actorId, ListPlace item) {
        return id(at(entry(dsl, actorId, Kind.ITEM, ""), item));
    }

    /** {@code actorId} commented on a list's item. */
    public long comment(DSLContext dsl, long actorId, ListPlace item, long commentId) {
        return id(at(entry(dsl, actorId, Kind.COMMENT, ""), item).set(ACTIVITY.COMMENT_ID, commentId));
    }

    /** {@code actorId} scheduled a list's item for a session on {@code date} (YYYY-MM-DD), presented by someone or not. */
    public long session(DSLContext dsl, long actorId, ListPlace item, String date, Long presenterId) {
        return id(at(entry(dsl, actorId, Kind.SESSION, date), item).set(ACTIVITY.SUBJECT_ID, presenterId));
    }

    /** {@code actorId} added {@code memberId} to a list. */
    public long member(DSLContext dsl, long actorId, long listId, long memberId) {
        return id(entry(dsl, actorId, Kind.MEMBER, "").set(ACTIVITY.LIST_ID, listId).set(ACTIVITY.SUBJECT_ID, memberId));
    }

    /** Tells each of {@code recipients} about entry {@code activityId}, for {@code reason}; never its own actor. */
    public void notify(DSLContext dsl, long activityId, Reason reason, Collection<Long> recipients) {
        Long actor = dsl.select(ACTIVITY.ACTOR_ID).from(ACTIVITY).where(ACTIVITY.ID.eq(activityId)).fetchOne(ACTIVITY.ACTOR_ID);
        for (long recipient : recipients) {
            if (actor == null || recipient != actor) {
                dsl.insertInto(NOTIFICATION)
                        .set(NOTIFICATION.RECIPIENT_ID, recipient)
                        .set(NOTIFICATION.ACTIVITY_ID, activityId)
                        .set(NOTIFICATION.REASON, reason.slug())
                        .onConflictDoNothing()
                        .execute();
            }
        }
    }

    /** Where in a list an entry happened: the list, its item, and the item's paper. */
    public record ListPlace(long listId, long itemId, long paperId) {}

    private InsertSetMoreStep<ActivityRecord> entry(DSLContext dsl, long actorId, Kind kind, String detail) {
        return dsl.insertInto(ACTIVITY)
                .set(ACTIVITY.ACTOR_ID, actorId)
                .set(ACTIVITY.KIND, kind.slug())
                .set(ACTIVITY.DETAIL, detail)
                .set(ACTIVITY.AT, Timestamps.now(clock));
    }

    private static InsertSetMoreStep<ActivityRecord> at(InsertSetMoreStep<ActivityRecord> entry, ListPlace item) {
        return entry.set(ACTIVITY.LIST_ID, item.listId()).set(ACTIVITY.ITEM_ID, item.itemId())
                .set(ACTIVITY.PAPER_ID, item.paperId());
    }

    private static long id(InsertSetMoreStep<ActivityRecord> entry) {
        return entry.returningResult(ACTIVITY.ID).fetchOne(ACTIVITY.ID);
    }
}
