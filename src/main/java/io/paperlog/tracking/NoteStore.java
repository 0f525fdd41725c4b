package io.paperlog.tracking;

import static io.paperlog.db.schema.Tables.NOTE;
import static io.paperlog.db.schema.Tables.NOTE_REVISION;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.NoteRevision;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** One private Markdown note per person per paper, with its revisions. */
public final class NoteStore {

    public static final int MAX_CHARS = 100_000;
    static final String CONFLICT = "This note was saved somewhere else (another tab?) after you started editing. "
            + "Below is what differs: keep yours, the saved version, or both.";
    public static final int KEPT_REVISIONS = 50;
    /** {@code 2026-01-31T12}: the part of a timestamp that names its hour. */
    private static final int HOUR_PREFIX = 13;

    private final Database db;
    private final Clock clock;

    public NoteStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The stored note: body, revision (0 when there is none) and when it was saved. */
    public record Note(String body, int revision, String updatedAt) {
        static final Note NONE = new Note("", 0, null);
    }

    public Note find(long userId, long paperId) {
        return stored(db.read(), userId, paperId);
    }

    /**
     * Saves {@code body} if the stored note is still at {@code baseRevision} and returns the note as saved; saving
     * the text already stored is a no-op. If another save came first, nothing changes: a 409 about the note, so
     * that the page can show both texts.
     */
    public Note save(long userId, long paperId, String body, int baseRevision) {
        return db.write(dsl -> saveOver(dsl, userId, paperId, body, baseRevision));
    }

    /**
     * Saves kept {@code revision} as the newest revision, on the same terms as {@link #save}: if the note is no
     * longer at {@code baseRevision}, a 409 that shows the revision's text beside the stored one.
     */
    public Note restore(long userId, long paperId, int revision, int baseRevision) {
        return db.write(dsl -> {
            String body = keptRevision(dsl, userId, paperId, revision);
            if (stored(dsl, userId, paperId).revision() != baseRevision) {
                throw UserError.conflict(NoteForm.FIELD, CONFLICT).keeping("body", body);
            }
            return saveOver(dsl, userId, paperId, body, baseRevision);
        });
    }

    private Note saveOver(DSLContext dsl, long userId, long paperId, String body, int baseRevision) {
        Note stored = stored(dsl, userId, paperId);
        if (stored.revision() != baseRevision) {
            throw UserError.conflict(NoteForm.FIELD, CONFLICT);
        }
        if (stored.revision() > 0 && stored.body().equals(body)) {
            return stored;
        }
        return write(dsl, userId, paperId, body, stored.revision());
    }

    private static Note stored(DSLContext dsl, long userId, long paperId) {
        return dsl.select(NOTE.BODY, NOTE.REVISION, NOTE.UPDATED_AT).from(NOTE)
                .where(NOTE.USER_ID.eq(userId), NOTE.PAPER_ID.eq(paperId))
                .fetchOptional(r -> new Note(r.value1(), r.value2(), r.value3()))
                .orElse(Note.NONE);
    }

    /** Stores {@code body} as the revision after {@code current}, keeps it as a revision and thins the old ones. */
    private Note write(DSLContext dsl, long userId, long paperId, String body, int current) {
        int revision = current + 1;
        String now = Timestamps.now(clock);
        dsl.insertInto(NOTE)
                .set(NOTE.USER_ID, userId).set(NOTE.PAPER_ID, paperId)
                .set(NOTE.BODY, body).set(NOTE.REVISION, revision).set(NOTE.UPDATED_AT, now)
                .onConflict(NOTE.USER_ID, NOTE.PAPER_ID).doUpdate()
                .set(NOTE.BODY, body).set(NOTE.REVISION, revision).set(NOTE.UPDATED_AT, now)
                .execute();
        dsl.insertInto(NOTE_REVISION)
                .set(NOTE_REVISION.USER_ID, userId).set(NOTE_REVISION.PAPER_ID, paperId)
                .set(NOTE_REVISION.REVISION, revision).set(NOTE_REVISION.BODY, body)
                .set(NOTE_REVISION.CREATED_AT, now)
                .execute();
        pruneRevisions(dsl, userId, paperId, revision);
        return new Note(body, revision, now);
    }

    /**
     * Keeps the latest {@link #KEPT_REVISIONS} revisions and, older than those, the last revision of each hour:
     * a burst of autosaves cannot push a note's earlier history out.
     */
    private static void pruneRevisions(DSLContext dsl, long userId, long paperId, int latest) {
        if (latest <= KEPT_REVISIONS) {
            return; // every revision is among the latest: nothing to thin yet
        }
        NoteRevision perHour = NOTE_REVISION.as("per_hour");
        dsl.deleteFrom(NOTE_REVISION)
                .where(NOTE_REVISION.USER_ID.eq(userId), NOTE_REVISION.PAPER_ID.eq(paperId),
                        NOTE_REVISION.REVISION.le(latest - KEPT_REVISIONS),
                        NOTE_REVISION.REVISION.notIn(DSL.select(DSL.max(perHour.REVISION)).from(perHour)
                                .where(perHour.USER_ID.eq(userId), perHour.PAPER_ID.eq(paperId))
                                .groupBy(DSL.substring(perHour.CREATED_AT, 1, HOUR_PREFIX))))
                .execute();
    }

    /** The kept revisions, newest first. */
    public List<NoteRevisionRow> revisions(long userId, long paperId) {
        return db.read().select(NOTE_REVISION.REVISION, NOTE_REVISION.CREATED_AT, NOTE_REVISION.BODY)
                .from(NOTE_REVISION)
                .where(NOTE_REVISION.USER_ID.eq(userId), NOTE_REVISION.PAPER_ID.eq(paperId))
                .orderBy(NOTE_REVISION.REVISION.desc())
                .fetch(r -> new NoteRevisionRow(r.value1(), r.value2(), r.value3().length(), preview(r.value3())));
    }

    /** The text of one of this person's kept revisions; 404 when it is not kept (or not theirs). */
    public String keptRevision(long userId, long paperId, int revision) {
        return keptRevision(db.read(), userId, paperId, revision);
    }

    private static String keptRevision(DSLContext dsl, long userId, long paperId, int revision) {
        return dsl.select(NOTE_REVISION.BODY).from(NOTE_REVISION)
                .where(NOTE_REVISION.USER_ID.eq(userId), NOTE_REVISION.PAPER_ID.eq(paperId),
                        NOTE_REVISION.REVISION.eq(revision))
                .fetchOptional(r -> r.value1())
                .orElseThrow(() -> UserError.notFound("That version of the note is not kept."));
    }

    private static String preview(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }
}
