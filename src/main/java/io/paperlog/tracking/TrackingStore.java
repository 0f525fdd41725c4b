package io.paperlog.tracking;

import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_PRIVACY;
import static io.paperlog.db.schema.Tables.READING_STATUS;
import static io.paperlog.db.schema.Tables.STATUS_EVENT;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.papers.AbstractMarkup;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Statuses, their history and ratings: every query is for one person. A change of status and a rating are also
 * written to the team's activity, which shows them only as their person's sharing allows.
 */
public final class TrackingStore {

    private final Database db;
    private final Clock clock;
    private final ActivityLog activity;

    public TrackingStore(Database db, Clock clock, ActivityLog activity) {
        this.db = db;
        this.clock = clock;
        this.activity = activity;
    }

    public LocalDate today() {
        return Timestamps.today(clock);
    }

    public Mark mark(long userId, long paperId) {
        return mark(db.read(), userId, paperId);
    }

    private static Mark mark(DSLContext dsl, long userId, long paperId) {
        Record r = dsl
                .select(READING_STATUS.fields()).select(RATING.HALVES)
                .from(PAPER)
                .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID).and(READING_STATUS.USER_ID.eq(userId)))
                .leftJoin(RATING).on(RATING.PAPER_ID.eq(PAPER.ID).and(RATING.USER_ID.eq(userId)))
                .where(PAPER.ID.eq(paperId))
                .fetchOne();
        return r == null ? Mark.none(paperId) : toMark(paperId, r);
    }

    /** Every paper this person has a status or rating for, by paper id: one query over both tables. */
    public Map<Long, Mark> marks(long userId) {
        return marks(userId, DSL.noCondition(), DSL.noCondition());
    }

    /** This person's marks on these papers only (a page's), by paper id. */
    public Map<Long, Mark> marks(long userId, Collection<Long> paperIds) {
        return marks(userId, READING_STATUS.PAPER_ID.in(paperIds), RATING.PAPER_ID.in(paperIds));
    }

    private Map<Long, Mark> marks(long userId, Condition statusesOf, Condition ratingsOf) {
        Map<Long, Mark> marks = new HashMap<>(256);
        db.read().select(READING_STATUS.PAPER_ID, READING_STATUS.STATUS, READING_STATUS.STARTED_ON,
                        READING_STATUS.FINISHED_ON, READING_STATUS.TIMES_READ, READING_STATUS.REREADS,
                        DSL.inline(null, RATING.HALVES))
                .from(READING_STATUS).where(READING_STATUS.USER_ID.eq(userId), statusesOf)
                .unionAll(db.read().select(RATING.PAPER_ID, DSL.inline(null, READING_STATUS.STATUS),
                        DSL.inline(null, READING_STATUS.STARTED_ON), DSL.inline(null, READING_STATUS.FINISHED_ON),
                        DSL.inline(null, READING_STATUS.TIMES_READ), DSL.inline(null, READING_STATUS.REREADS),
                        RATING.HALVES)
                        .from(RATING).where(RATING.USER_ID.eq(userId), ratingsOf))
                .forEach(r -> {
                    long paperId = r.value1();
                    Mark m = marks.getOrDefault(paperId, Mark.none(paperId));
                    if (r.value2() != null) {
                        m = new Mark(paperId, Status.of(r.value2()), r.value3(), r.value4(), r.value5(), r.value6(),
                                m.halves());
                    } else {
                        m = new Mark(paperId, m.status(), m.startedOn(), m.finishedOn(), m.timesRead(), m.rereads(),
                                r.value7());
                    }
                    marks.put(paperId, m);
                });
        return marks;
    }

    /**
     * Moves a paper to a status, or edits the dates of its current one, by the rules of {@link ReadingState#after};
     * a change of status is recorded as an event. A refused change (422) changes nothing.
     */
    public Mark setStatus(long userId, long paperId, StatusForm change) {
        LocalDate today = today();
        return db.write(dsl -> {
            ReadingState before = dsl.selectFrom(READING_STATUS)
                    .where(READING_STATUS.USER_ID.eq(userId), READING_STATUS.PAPER_ID.eq(paperId))
                    .fetchOptional(r -> new ReadingState(Status.of(r.getStatus()), r.getStartedOn(), r.getFinishedOn(),
                            r.getTimesRead(), r.getRereads()))
                    .orElse(ReadingState.UNREAD);
            ReadingState after = before.after(change, today);
            String now = Timestamps.now(clock);
            dsl.insertInto(READING_STATUS)
                    .set(READING_STATUS.USER_ID, userId).set(READING_STATUS.PAPER_ID, paperId)
                    .set(stateFields(after, now))
                    .onConflict(READING_STATUS.USER_ID, READING_STATUS.PAPER_ID).doUpdate()
                    .set(stateFields(after, now))
                    .execute();
            if (before.status() != after.status()) {
                activity.status(dsl, userId, paperId, after.status().getSlug());
                dsl.insertInto(STATUS_EVENT)
                        .set(STATUS_EVENT.USER_ID, userId)
                        .set(STATUS_EVENT.PAPER_ID, paperId)
                        .set(STATUS_EVENT.FROM_STATUS, before.status().getSlug())
                        .set(STATUS_EVENT.TO_STATUS, after.status().getSlug())
                        .set(STATUS_EVENT.AT, now)
                        .execute();
            }
            return mark(dsl, userId, paperId); // as this transaction leaves it: no second read after the commit
        });
    }

    private static Map<Field<?>, Object> stateFields(ReadingState state, String now) {
        Map<Field<?>, Object> fields = new HashMap<>();
        fields.put(READING_STATUS.STATUS, state.status().getSlug());
        fields.put(READING_STATUS.STARTED_ON, state.startedOn());
        fields.put(READING_STATUS.FINISHED_ON, state.finishedOn());
        fields.put(READING_STATUS.TIMES_READ, state.timesRead());
        fields.put(READING_STATUS.REREADS, state.rereads());
        fields.put(READING_STATUS.UPDATED_AT, now);
        return fields;
    }

    /** Sets the rating in halves of a star, or clears it when {@code halves} is null. */
    public Mark setRating(long userId, long paperId, Integer halves) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            if (halves == null) {
                dsl.deleteFrom(RATING).where(RATING.USER_ID.eq(userId), RATING.PAPER_ID.eq(paperId)).execute();
            } else {
                activity.rating(dsl, userId, paperId, Stars.format(halves));
                dsl.insertInto(RATING)
                        .set(RATING.USER_ID, userId).set(RATING.PAPER_ID, paperId)
                        .set(RATING.HALVES, halves).set(RATING.UPDATED_AT, now)
                        .onConflict(RATING.USER_ID, RATING.PAPER_ID).doUpdate()
                        .set(RATING.HALVES, halves).set(RATING.UPDATED_AT, now)
                        .execute();
            }
            return mark(dsl, userId, paperId);
        });
    }

    /** The papers this person has a status other than none or a rating for, with their titles, by rank. */
    public List<LibraryRow> library(long userId) {
        DSLContext dsl = db.read();
        return dsl.select(PAPER.ID, PAPER.RANK, PAPER.TITLE, READING_STATUS.STATUS, READING_STATUS.STARTED_ON,
                        READING_STATUS.FINISHED_ON, READING_STATUS.TIMES_READ, READING_STATUS.REREADS, RATING.HALVES)
                .from(PAPER)
                .leftJoin(READING_STATUS).on(READING_STATUS.PAPER_ID.eq(PAPER.ID).and(READING_STATUS.USER_ID.eq(userId)))
                .leftJoin(RATING).on(RATING.PAPER_ID.eq(PAPER.ID).and(RATING.USER_ID.eq(userId)))
                .where(READING_STATUS.STATUS.ne(Status.NONE.getSlug()).or(RATING.HALVES.isNotNull()))
                .orderBy(PAPER.RANK.asc().nullsLast(), PAPER.ID.asc())
                .fetch(r -> new LibraryRow(r.value1(), r.value2(), r.value3(),
                        new Mark(r.value1(), r.value4() == null ? Status.NONE : Status.of(r.value4()), r.value5(),
                                r.value6(), r.value7() == null ? 0 : r.value7(), r.value8() == null ? 0 : r.value8(),
                                r.value9())));
    }

    /** Whether the team may see this person's statuses and ratings: both, by default. */
    public Sharing sharing(long userId) {
        return db.read().select(READING_PRIVACY.STATUSES_VISIBLE, READING_PRIVACY.RATINGS_VISIBLE)
                .from(READING_PRIVACY).where(READING_PRIVACY.USER_ID.eq(userId))
                .fetchOptional(r -> new Sharing(r.value1() == 1, r.value2() == 1))
                .orElse(Sharing.DEFAULT);
    }

    public void setSharing(long userId, Sharing sharing) {
        int statuses = sharing.statuses() ? 1 : 0;
        int ratings = sharing.ratings() ? 1 : 0;
        db.write(dsl -> dsl.insertInto(READING_PRIVACY)
                .set(READING_PRIVACY.USER_ID, userId)
                .set(READING_PRIVACY.STATUSES_VISIBLE, statuses)
                .set(READING_PRIVACY.RATINGS_VISIBLE, ratings)
                .onConflict(READING_PRIVACY.USER_ID).doUpdate()
                .set(READING_PRIVACY.STATUSES_VISIBLE, statuses)
                .set(READING_PRIVACY.RATINGS_VISIBLE, ratings)
                .execute());
    }

    /** What of a person's reading the team may see. */
    public record Sharing(boolean statuses, boolean ratings) {
        static final Sharing DEFAULT = new Sharing(true, true);
    }

    /** Status changes of this person, oldest first. */
    public List<StatusEvent> events(long userId) {
        return db.read().select(STATUS_EVENT.PAPER_ID, STATUS_EVENT.FROM_STATUS, STATUS_EVENT.TO_STATUS, STATUS_EVENT.AT)
                .from(STATUS_EVENT).where(STATUS_EVENT.USER_ID.eq(userId))
                .orderBy(STATUS_EVENT.AT.asc(), STATUS_EVENT.ID.asc())
                .fetch(r -> new StatusEvent(r.value1(), Status.of(r.value2()), Status.of(r.value3()), r.value4()));
    }

    private static Mark toMark(long paperId, Record r) {
        String status = r.get(READING_STATUS.STATUS);
        Integer timesRead = r.get(READING_STATUS.TIMES_READ);
        Integer rereads = r.get(READING_STATUS.REREADS);
        return new Mark(paperId, status == null ? Status.NONE : Status.of(status), r.get(READING_STATUS.STARTED_ON),
                r.get(READING_STATUS.FINISHED_ON), timesRead == null ? 0 : timesRead, rereads == null ? 0 : rereads,
                r.get(RATING.HALVES));
    }

    /** A paper of the catalogue with this person's mark on it. */
    public record LibraryRow(long paperId, Integer rank, String title, Mark mark) {

        public String titleHtml() {
            return AbstractMarkup.toHtml(title);
        }
    }

    /** One change of status. */
    public record StatusEvent(long paperId, Status from, Status to, String at) {}
}
