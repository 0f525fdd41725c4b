package io.paperlog.activity;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.ACTIVITY;
import static io.paperlog.db.schema.Tables.NOTIFICATION;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.READING_LIST;

import io.paperlog.activity.ActivityLog.Kind;
import io.paperlog.db.Database;
import io.paperlog.db.PerVersion;
import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.Account;
import io.paperlog.privacy.Visible;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Reads the activity feed and notifications, each entry only if its viewer may see it now: a status or rating by
 * the rules of its actor's sharing, an annotation or reply while the annotation is shared (or the viewer's), and
 * anything about a list while the viewer may view the list.
 */
public final class Feed {

    public static final int PAGE = 50;

    private static final Account ACTOR = ACCOUNT.as("actor");
    private static final Account SUBJECT = ACCOUNT.as("subject");

    /** One page of a feed, newest first; {@code olderThan} is the id to continue from, null at the end. */
    public record Page(List<FeedEntry> entries, Long olderThan) {}

    /** Which entries: by one person, about one list; null for any. */
    public record Filter(Long actorId, Long listId) {
        public static final Filter ALL = new Filter(null, null);

        /** The address of the page after {@code page} under this filter, or null when it is the last. */
        public String olderLink(Page page) {
            if (page.olderThan() == null) {
                return null;
            }
            return "/activity?" + (actorId == null ? "" : "person=" + actorId + "&")
                    + (listId == null ? "" : "list=" + listId + "&") + "before=" + page.olderThan();
        }
    }

    private final Database db;
    private final Clock clock;
    private final PerVersion<Integer> unread;

    public Feed(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.unread = new PerVersion<>(db);
    }

    /** What teammates did that {@code viewerId} may see, newest first, from before entry {@code before} (or now). */
    public Page teammates(long viewerId, Filter filter, Long before) {
        Condition condition = ACTIVITY.ACTOR_ID.ne(viewerId).and(visibleTo(viewerId));
        if (filter.actorId() != null) {
            condition = condition.and(ACTIVITY.ACTOR_ID.eq(filter.actorId()));
        }
        if (filter.listId() != null) {
            condition = condition.and(ACTIVITY.LIST_ID.eq(filter.listId()));
        }
        if (before != null) {
            condition = condition.and(ACTIVITY.ID.lt(before));
        }
        List<FeedEntry> entries = entries(db.read())
                .where(condition)
                .orderBy(ACTIVITY.ID.desc())
                .limit(PAGE + 1)
                .fetch(r -> entry(r, null, false));
        return page(entries);
    }

    /** Notifications of {@code viewerId} that they may still see, newest first. */
    public Page notifications(long viewerId, Long before) {
        Condition condition = NOTIFICATION.RECIPIENT_ID.eq(viewerId).and(visibleTo(viewerId));
        if (before != null) {
            condition = condition.and(ACTIVITY.ID.lt(before));
        }
        List<FeedEntry> entries = entries(db.read(), NOTIFICATION.REASON, NOTIFICATION.READ_AT)
                .join(NOTIFICATION).on(NOTIFICATION.ACTIVITY_ID.eq(ACTIVITY.ID))
                .where(condition)
                .orderBy(ACTIVITY.ID.desc())
                .limit(PAGE + 1)
                .fetch(r -> entry(r, r.get(NOTIFICATION.REASON), r.get(NOTIFICATION.READ_AT) == null));
        return page(entries);
    }

    /** One of {@code viewerId}'s notifications, by its entry, if they may still see it. */
    public Optional<FeedEntry> notification(long viewerId, long activityId) {
        return entries(db.read(), NOTIFICATION.REASON, NOTIFICATION.READ_AT)
                .join(NOTIFICATION).on(NOTIFICATION.ACTIVITY_ID.eq(ACTIVITY.ID))
                .where(NOTIFICATION.RECIPIENT_ID.eq(viewerId), ACTIVITY.ID.eq(activityId), visibleTo(viewerId))
                .fetchOptional(r -> entry(r, r.get(NOTIFICATION.REASON), r.get(NOTIFICATION.READ_AT) == null));
    }

    /** How many of {@code viewerId}'s notifications are unread (and still visible to them). */
    public int unread(long viewerId) {
        // every page's header shows it: kept until anything stored changes
        return unread.get(String.valueOf(viewerId), () -> db.read().fetchCount(DSL.selectOne().from(NOTIFICATION)
                .join(ACTIVITY).on(ACTIVITY.ID.eq(NOTIFICATION.ACTIVITY_ID))
                .where(NOTIFICATION.RECIPIENT_ID.eq(viewerId), NOTIFICATION.READ_AT.isNull(), visibleTo(viewerId))));
    }

    /** Marks one of {@code viewerId}'s notifications read, by its entry; false if they have no such notification. */
    public boolean markRead(long viewerId, long activityId) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, DSL.coalesce(NOTIFICATION.READ_AT, now))
                .where(NOTIFICATION.RECIPIENT_ID.eq(viewerId), NOTIFICATION.ACTIVITY_ID.eq(activityId))
                .execute()) == 1;
    }

    /** Marks every notification of {@code viewerId} that they can see read; returns how many. */
    public int markAllRead(long viewerId) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, now)
                .where(NOTIFICATION.RECIPIENT_ID.eq(viewerId), NOTIFICATION.READ_AT.isNull(),
                        NOTIFICATION.ACTIVITY_ID.in(DSL.select(ACTIVITY.ID).from(ACTIVITY).where(visibleTo(viewerId))))
                .execute());
    }

    /** Someone or something to filter the feed by. */
    public record Choice(long id, String name) {}

    /** Teammates of {@code viewerId} (active accounts), to filter by. */
    public List<Choice> people(long viewerId) {
        return db.read().select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME).from(ACCOUNT)
                .where(ACCOUNT.IS_ACTIVE.eq(1), ACCOUNT.ID.ne(viewerId))
                .orderBy(ACCOUNT.DISPLAY_NAME.collate("NOCASE"))
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    /** The lists {@code viewerId} may see, to filter by. */
    public List<Choice> lists(long viewerId) {
        return db.read().select(READING_LIST.ID, READING_LIST.NAME).from(READING_LIST)
                .where(Visible.listRow(READING_LIST, viewerId))
                .orderBy(READING_LIST.NAME.collate("NOCASE"))
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    /**
     * The one place the feed's privacy rules are: nothing done by someone whose account is deactivated, and what
     * an entry is about decides who may see it.
     */
    static Condition visibleTo(long viewerId) {
        return Visible.active(ACTIVITY.ACTOR_ID).and(DSL.or(
                ACTIVITY.KIND.eq(Kind.STATUS.slug()).and(Visible.statusesOf(ACTIVITY.ACTOR_ID, viewerId)),
                ACTIVITY.KIND.eq(Kind.RATING.slug()).and(Visible.ratingsOf(ACTIVITY.ACTOR_ID, viewerId)),
                ACTIVITY.KIND.in(Kind.ANNOTATION.slug(), Kind.REPLY.slug())
                        .and(Visible.annotation(ACTIVITY.ANNOTATION_ID, viewerId)),
                ACTIVITY.KIND.in(Kind.LIST.slug(), Kind.ITEM.slug(), Kind.COMMENT.slug(), Kind.SESSION.slug())
                        .and(Visible.list(ACTIVITY.LIST_ID, viewerId)),
                ACTIVITY.KIND.eq(Kind.MEMBER.slug())
                        .and(Visible.list(ACTIVITY.LIST_ID, viewerId)).and(Visible.active(ACTIVITY.SUBJECT_ID))));
    }


    /** Entries with the names and titles they show, and {@code extra} fields (a notification's). */
    private static SelectOnConditionStep<Record> entries(DSLContext dsl, Field<?>... extra) {
        return dsl.select(ACTIVITY.fields()).select(ACTOR.DISPLAY_NAME, SUBJECT.DISPLAY_NAME, PAPER.TITLE,
                        READING_LIST.NAME).select(extra)
                .from(ACTIVITY)
                .join(ACTOR).on(ACTOR.ID.eq(ACTIVITY.ACTOR_ID))
                .leftJoin(SUBJECT).on(SUBJECT.ID.eq(ACTIVITY.SUBJECT_ID), SUBJECT.IS_ACTIVE.eq(1))
                .leftJoin(PAPER).on(PAPER.ID.eq(ACTIVITY.PAPER_ID))
                .leftJoin(READING_LIST).on(READING_LIST.ID.eq(ACTIVITY.LIST_ID));
    }

    private static FeedEntry entry(Record r, String reason, boolean unread) {
        return new FeedEntry(r.get(ACTIVITY.ID), r.get(ACTIVITY.KIND), r.get(ACTIVITY.ACTOR_ID), r.get(ACTOR.DISPLAY_NAME),
                r.get(ACTIVITY.PAPER_ID), r.get(PAPER.TITLE), r.get(ACTIVITY.LIST_ID), r.get(READING_LIST.NAME),
                r.get(ACTIVITY.ITEM_ID), r.get(ACTIVITY.ANNOTATION_ID), r.get(ACTIVITY.REPLY_ID),
                r.get(ACTIVITY.COMMENT_ID), r.get(SUBJECT.DISPLAY_NAME), r.get(ACTIVITY.DETAIL), r.get(ACTIVITY.AT),
                reason, unread);
    }

    private static Page page(List<FeedEntry> fetched) {
        boolean more = fetched.size() > PAGE;
        List<FeedEntry> entries = more ? fetched.subList(0, PAGE) : fetched;
        return new Page(List.copyOf(entries), more ? entries.get(entries.size() - 1).id() : null);
    }
}
