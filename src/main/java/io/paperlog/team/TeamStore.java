package io.paperlog.team;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.privacy.Visible;
import io.paperlog.tracking.Status;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * What the team's reading looks like to one person: teammates' statuses and ratings as each teammate allows (the
 * rules of {@link Visible}), never the person's own in the counts.
 */
public final class TeamStore {

    /** A teammate's status on a paper (null when hidden or none) and rating (null when hidden or none). */
    public record TeamMark(long accountId, String name, Status status, Integer halves) {}

    /** How many teammates want to read, are reading and have read a paper. */
    public record TeamCount(int want, int reading, int read) {

        public static final TeamCount NONE = new TeamCount(0, 0, 0);

        /** "3 read · 1 reading": the catalogue's compact line; empty when nobody. */
        public String summary() {
            StringBuilder text = new StringBuilder();
            append(text, read, "read");
            append(text, reading, "reading");
            append(text, want, "want to read");
            return text.toString();
        }

        private static void append(StringBuilder text, int count, String what) {
            if (count > 0) {
                text.append(text.isEmpty() ? "" : " · ").append(count).append(' ').append(what);
            }
        }
    }

    private final Database db;

    public TeamStore(Database db) {
        this.db = db;
    }

    /** Teammates of {@code viewerId} with a status or rating on the paper that they let the viewer see. */
    public List<TeamMark> onPaper(long paperId, long viewerId) {
        var statusShown = Visible.statusesOf(ACCOUNT.ID, viewerId);
        var ratingShown = Visible.ratingsOf(ACCOUNT.ID, viewerId);
        return db.read()
                .select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME,
                        DSL.when(statusShown, READING_STATUS.STATUS).as("status"),
                        DSL.when(ratingShown, RATING.HALVES).as("halves"))
                .from(ACCOUNT)
                .leftJoin(READING_STATUS).on(READING_STATUS.USER_ID.eq(ACCOUNT.ID), READING_STATUS.PAPER_ID.eq(paperId))
                .leftJoin(RATING).on(RATING.USER_ID.eq(ACCOUNT.ID), RATING.PAPER_ID.eq(paperId))
                .where(ACCOUNT.ID.ne(viewerId), ACCOUNT.IS_ACTIVE.eq(1))
                .and(statusShown.and(READING_STATUS.STATUS.ne(Status.NONE.getSlug()))
                        .or(ratingShown.and(RATING.HALVES.isNotNull())))
                .orderBy(ACCOUNT.DISPLAY_NAME.collate("NOCASE"))
                .fetch(r -> new TeamMark(r.value1(), r.value2(),
                        r.value3() == null ? null : Status.fromSlug(r.value3()).orElse(null), r.value4()));
    }

    /** For each of these papers that some teammate of {@code viewerId} has a status on that they let the viewer see. */
    public Map<Long, TeamCount> counts(long viewerId, Collection<Long> paperIds) {
        Map<Long, TeamCount> counts = new HashMap<>();
        db.read().select(READING_STATUS.PAPER_ID,
                        DSL.count().filterWhere(READING_STATUS.STATUS.eq(Status.WANT.getSlug())),
                        DSL.count().filterWhere(READING_STATUS.STATUS.eq(Status.READING.getSlug())),
                        DSL.count().filterWhere(READING_STATUS.STATUS.eq(Status.READ.getSlug())))
                .from(READING_STATUS)
                .where(READING_STATUS.PAPER_ID.in(paperIds), READING_STATUS.USER_ID.ne(viewerId),
                        Visible.statusesOf(READING_STATUS.USER_ID, viewerId))
                .groupBy(READING_STATUS.PAPER_ID)
                .forEach(r -> counts.put(r.value1(), new TeamCount(r.value2(), r.value3(), r.value4())));
        return counts;
    }
}
