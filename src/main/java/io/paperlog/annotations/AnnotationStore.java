package io.paperlog.annotations;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.ANNOTATION;
import static io.paperlog.db.schema.Tables.ANNOTATION_REPLY;
import static io.paperlog.db.schema.Tables.ANNOTATION_TAG;
import static io.paperlog.db.schema.Tables.PAPER;

import io.paperlog.annotations.Anchoring.Selector;
import io.paperlog.activity.ActivityLog;
import io.paperlog.activity.ActivityLog.Reason;
import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * All SQL about annotations. Every query is scoped to a person: their own annotations, plus, where a page shows
 * them, teammates' annotations that are team-visible. A private annotation is never returned to anyone else.
 */
public final class AnnotationStore {

    /** Filters of the "my annotations" page; null means any. */
    public record Filter(Long paperId, String colour, String tag) {
        public static final Filter NONE = new Filter(null, null, null);

        public boolean any() {
            return paperId != null || colour != null || tag != null;
        }
    }

    private final Database db;
    private final Clock clock;
    private final ActivityLog activity;

    public AnnotationStore(Database db, Clock clock, ActivityLog activity) {
        this.db = db;
        this.clock = clock;
        this.activity = activity;
    }

    public long create(long userId, long paperId, Selector selector, AnnotationForm content) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            long id = dsl.insertInto(ANNOTATION)
                    .set(ANNOTATION.USER_ID, userId)
                    .set(ANNOTATION.PAPER_ID, paperId)
                    .set(ANNOTATION.QUOTE_EXACT, selector.exact())
                    .set(ANNOTATION.QUOTE_PREFIX, selector.prefix())
                    .set(ANNOTATION.QUOTE_SUFFIX, selector.suffix())
                    .set(ANNOTATION.POSITION_START, selector.start())
                    .set(ANNOTATION.POSITION_END, selector.end())
                    .set(ANNOTATION.BODY, content.body())
                    .set(ANNOTATION.COLOUR, content.colour())
                    .set(ANNOTATION.VISIBILITY, content.visibility())
                    .set(ANNOTATION.CREATED_AT, now)
                    .set(ANNOTATION.UPDATED_AT, now)
                    .returning(ANNOTATION.ID)
                    .fetchOne(ANNOTATION.ID);
            writeTags(dsl, id, content.tags());
            if (content.visibility().equals("team")) {
                activity.annotation(dsl, userId, paperId, id);
            }
            return id;
        });
    }

    /** Changes the owner's annotation; false if there is no such annotation of theirs. Sharing it is news. */
    public boolean update(long id, long ownerId, AnnotationForm content) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            Record2<Long, String> before = dsl.select(ANNOTATION.PAPER_ID, ANNOTATION.VISIBILITY).from(ANNOTATION)
                    .where(ANNOTATION.ID.eq(id).and(ANNOTATION.USER_ID.eq(ownerId))).fetchOne();
            if (before != null && before.value2().equals("private") && content.visibility().equals("team")) {
                activity.annotation(dsl, ownerId, before.value1(), id);
            }
            int changed = dsl.update(ANNOTATION)
                    .set(ANNOTATION.BODY, content.body())
                    .set(ANNOTATION.COLOUR, content.colour())
                    .set(ANNOTATION.VISIBILITY, content.visibility())
                    .set(ANNOTATION.UPDATED_AT, now)
                    .where(ANNOTATION.ID.eq(id).and(ANNOTATION.USER_ID.eq(ownerId)))
                    .execute();
            if (changed == 0) {
                return false;
            }
            dsl.deleteFrom(ANNOTATION_TAG).where(ANNOTATION_TAG.ANNOTATION_ID.eq(id)).execute();
            writeTags(dsl, id, content.tags());
            return true;
        });
    }

    public boolean delete(long id, long ownerId) {
        return db.write(dsl -> dsl.deleteFrom(ANNOTATION)
                .where(ANNOTATION.ID.eq(id).and(ANNOTATION.USER_ID.eq(ownerId)))
                .execute() > 0);
    }

    /** Marks the owner's team-visible annotation resolved (or open again); false if it is not theirs or not shared. */
    public boolean setResolved(long id, long ownerId, boolean resolved) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> dsl.update(ANNOTATION)
                .set(ANNOTATION.RESOLVED_AT, resolved ? now : null)
                .set(ANNOTATION.UPDATED_AT, now)
                .where(ANNOTATION.ID.eq(id).and(ANNOTATION.USER_ID.eq(ownerId))
                        .and(ANNOTATION.VISIBILITY.eq("team")))
                .execute() > 0);
    }

    /**
     * Adds a reply to an annotation the replier can see and that is team-visible; empty if they cannot. The
     * annotation's author is told.
     */
    public Optional<Long> reply(long annotationId, long userId, String body) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            Record2<Long, Long> annotation = dsl.select(ANNOTATION.PAPER_ID, ANNOTATION.USER_ID).from(ANNOTATION)
                    .where(ANNOTATION.ID.eq(annotationId).and(ANNOTATION.VISIBILITY.eq("team"))).fetchOne();
            if (annotation == null) {
                return Optional.<Long>empty();
            }
            long replyId = dsl.insertInto(ANNOTATION_REPLY)
                    .set(ANNOTATION_REPLY.ANNOTATION_ID, annotationId)
                    .set(ANNOTATION_REPLY.USER_ID, userId)
                    .set(ANNOTATION_REPLY.BODY, body)
                    .set(ANNOTATION_REPLY.CREATED_AT, now)
                    .returning(ANNOTATION_REPLY.ID)
                    .fetchOne(ANNOTATION_REPLY.ID);
            long entry = activity.reply(dsl, userId, annotation.value1(), annotationId, replyId);
            activity.notify(dsl, entry, Reason.REPLY, List.of(annotation.value2()));
            return Optional.of(replyId);
        });
    }

    /**
     * Changes the text of a reply its author wrote, on an annotation that is still shared; false when there is no
     * such reply of theirs there.
     */
    public boolean editReply(long annotationId, long replyId, long authorId, String body) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> dsl.update(ANNOTATION_REPLY)
                .set(ANNOTATION_REPLY.BODY, body)
                .set(ANNOTATION_REPLY.EDITED_AT, now)
                .where(ANNOTATION_REPLY.ID.eq(replyId).and(ANNOTATION_REPLY.ANNOTATION_ID.eq(annotationId))
                        .and(ANNOTATION_REPLY.USER_ID.eq(authorId))
                        .and(DSL.exists(DSL.selectOne().from(ANNOTATION).where(ANNOTATION.ID.eq(annotationId)
                                .and(ANNOTATION.VISIBILITY.eq("team"))))))
                .execute() > 0);
    }

    /** The annotation {@code viewerId} may see; a 404 when there is none (a private one of someone else's). */
    public Annotation requireVisible(long id, long viewerId) {
        return findVisible(id, viewerId).orElseThrow(() -> UserError.notFound("There is no annotation " + id + "."));
    }

    /** The annotation if {@code viewerId} may change it: a 404 as above, a 403 for a teammate's shared one. */
    public Annotation requireOwned(long id, long viewerId) {
        Annotation a = requireVisible(id, viewerId);
        if (!a.ownedBy(viewerId)) {
            throw UserError.forbidden("Only its author can change this annotation.");
        }
        return a;
    }

    /** The annotation if {@code viewerId} may see it: their own, or a team-visible one. */
    public Optional<Annotation> findVisible(long id, long viewerId) {
        return select(ANNOTATION.ID.eq(id).and(visibleTo(viewerId))).stream().findFirst();
    }

    /** What {@code viewerId} sees on a paper's page: their own annotations and teammates' shared ones, oldest first. */
    public List<Annotation> forPaper(long paperId, long viewerId) {
        return select(ANNOTATION.PAPER_ID.eq(paperId).and(visibleTo(viewerId)));
    }

    /** The person's own annotations, newest first. */
    public List<Annotation> mine(long ownerId, Filter filter) {
        Condition condition = ANNOTATION.USER_ID.eq(ownerId);
        if (filter.paperId() != null) {
            condition = condition.and(ANNOTATION.PAPER_ID.eq(filter.paperId()));
        }
        if (filter.colour() != null) {
            condition = condition.and(ANNOTATION.COLOUR.eq(filter.colour()));
        }
        if (filter.tag() != null) {
            condition = condition.and(DSL.exists(DSL.selectOne().from(ANNOTATION_TAG)
                    .where(ANNOTATION_TAG.ANNOTATION_ID.eq(ANNOTATION.ID).and(ANNOTATION_TAG.TAG.eq(filter.tag())))));
        }
        List<Annotation> found = new ArrayList<>(select(condition));
        found.sort((a, b) -> {
            int byTime = b.createdAt().compareTo(a.createdAt());
            return byTime != 0 ? byTime : Long.compare(b.id(), a.id());
        });
        return found;
    }

    /** The tags the person has used, for filtering. */
    public List<String> myTags(long ownerId) {
        return db.read().selectDistinct(ANNOTATION_TAG.TAG).from(ANNOTATION_TAG).join(ANNOTATION)
                .on(ANNOTATION.ID.eq(ANNOTATION_TAG.ANNOTATION_ID))
                .where(ANNOTATION.USER_ID.eq(ownerId))
                .orderBy(ANNOTATION_TAG.TAG)
                .fetch(ANNOTATION_TAG.TAG);
    }

    /** Replies to the given annotations, oldest first, grouped by annotation. */
    public Map<Long, List<Reply>> replies(Collection<Long> annotationIds) {
        Map<Long, List<Reply>> grouped = new LinkedHashMap<>();
        if (annotationIds.isEmpty()) {
            return grouped;
        }
        db.read().select(ANNOTATION_REPLY.fields()).select(ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME)
                .from(ANNOTATION_REPLY).join(ACCOUNT).on(ACCOUNT.ID.eq(ANNOTATION_REPLY.USER_ID))
                .where(ANNOTATION_REPLY.ANNOTATION_ID.in(annotationIds))
                .orderBy(ANNOTATION_REPLY.CREATED_AT, ANNOTATION_REPLY.ID)
                .fetch()
                .forEach(r -> grouped.computeIfAbsent(r.get(ANNOTATION_REPLY.ANNOTATION_ID), k -> new ArrayList<>())
                        .add(new Reply(r.get(ANNOTATION_REPLY.ID), r.get(ANNOTATION_REPLY.ANNOTATION_ID),
                                r.get(ANNOTATION_REPLY.USER_ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME),
                                r.get(ANNOTATION_REPLY.BODY), r.get(ANNOTATION_REPLY.CREATED_AT),
                                r.get(ANNOTATION_REPLY.EDITED_AT))));
        return grouped;
    }

    private static Condition visibleTo(long viewerId) {
        return ANNOTATION.USER_ID.eq(viewerId).or(ANNOTATION.VISIBILITY.eq("team"));
    }

    private List<Annotation> select(Condition condition) {
        List<Record> rows = db.read()
                .select(ANNOTATION.fields()).select(ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME, PAPER.TITLE)
                .from(ANNOTATION)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ANNOTATION.USER_ID))
                .join(PAPER).on(PAPER.ID.eq(ANNOTATION.PAPER_ID))
                .where(condition)
                .orderBy(ANNOTATION.CREATED_AT, ANNOTATION.ID)
                .fetch()
                .stream().map(r -> (Record) r).toList();
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        List<Long> ids = rows.stream().map(r -> r.get(ANNOTATION.ID)).toList();
        if (!ids.isEmpty()) {
            db.read().select(ANNOTATION_TAG.ANNOTATION_ID, ANNOTATION_TAG.TAG).from(ANNOTATION_TAG)
                    .where(ANNOTATION_TAG.ANNOTATION_ID.in(ids))
                    .orderBy(ANNOTATION_TAG.TAG)
                    .fetch()
                    .forEach(r -> tags.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        return rows.stream().map(r -> new Annotation(r.get(ANNOTATION.ID), r.get(ANNOTATION.USER_ID),
                r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME), r.get(ANNOTATION.PAPER_ID), r.get(PAPER.TITLE),
                new Selector(r.get(ANNOTATION.QUOTE_EXACT), r.get(ANNOTATION.QUOTE_PREFIX),
                        r.get(ANNOTATION.QUOTE_SUFFIX), r.get(ANNOTATION.POSITION_START),
                        r.get(ANNOTATION.POSITION_END)),
                r.get(ANNOTATION.BODY), r.get(ANNOTATION.COLOUR), r.get(ANNOTATION.VISIBILITY),
                List.copyOf(tags.getOrDefault(r.get(ANNOTATION.ID), List.of())), r.get(ANNOTATION.RESOLVED_AT),
                r.get(ANNOTATION.CREATED_AT), r.get(ANNOTATION.UPDATED_AT))).toList();
    }

    private static void writeTags(DSLContext dsl, long id, List<String> tags) {
        for (String tag : tags) {
            dsl.insertInto(ANNOTATION_TAG).set(ANNOTATION_TAG.ANNOTATION_ID, id).set(ANNOTATION_TAG.TAG, tag)
                    .onConflictDoNothing().execute();
        }
    }
}
