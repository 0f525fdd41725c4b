package io.paperlog.tracking;

import static io.paperlog.db.schema.Tables.NOTE;
import static io.paperlog.db.schema.Tables.NOTE_REVISION;

import io.paperlog.db.Database;
import io.paperlog.db.schema.tables.NoteRevision;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** One private Markdown note per person per paper, with its revisions. */
public final class NoteStore {

    public static final int MAX_CHARS = 100_000;
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

    /** The outcome of a save: either saved at {@code note.revision()}, or refused because {@code note} is newer. */
    public record SaveResult(boolean saved, Note note) {}

    public Note find(long userId, long paperId) {
        return db.read().select(NOTE.BODY, NOTE.REVISION, NOTE.UPDATED_AT).from(NOTE)
                .where(NOTE.USER_ID.eq(userId), NOTE.PAPER_ID.eq(paperId))
                .fetchOptional(r -> new Note(r.value1(), r.value2(), r.value3()))
                .orElse(Note.NONE);
    }

    /**
     * Saves {@code body} if the stored note is still at {@code baseRevision}; otherwise nothing changes and the
     * stored note comes back so that both texts can be shown. Saving the text already stored is a no-op.
     */
    public SaveResult save(long userId, long paperId, String body, int baseRevision) {
        if (body.length() > MAX_CHARS) {
            throw new TrackingException("A note can be up to " + String.format("%,d", MAX_CHARS)
                    + " characters; this one has " + String.format("%,d", body.length()) + ".");
        }
        return db.write(dsl -> {
            Note stored = dsl.select(NOTE.BODY, NOTE.REVISION, NOTE.UPDATED_AT).from(NOTE)
                    .where(NOTE.USER_ID.eq(userId), NOTE.PAPER_ID.eq(paperId))
                    .fetchOptional(r -> new Note(r.value1(), r.value2(), r.value3()))
                    .orElse(Note.NONE);
            if (stored.revision() != baseRevision) {
                return new SaveResult(false, stored);
            }
            if (stored.revision() > 0 && stored.body().equals(body)) {
                return new SaveResult(true, stored);
            }
            int revision = stored.revision() + 1;
            String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
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
            return new SaveResult(true, new Note(body, revision, now));
        });
    }

    /**
     * Keeps the latest {@link #KEPT_REVISIONS} revisions and, older than those, the last revision of each hour:
     * a burst of autosaves cannot push a note's earlier history out.
     */
    private static void pruneRevisions(DSLContext dsl, long userId, long paperId, int latest) {
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

    public Optional<String> revision(long userId, long paperId, int revision) {
        return db.read().select(NOTE_REVISION.BODY).from(NOTE_REVISION)
                .where(NOTE_REVISION.USER_ID.eq(userId), NOTE_REVISION.PAPER_ID.eq(paperId),
                        NOTE_REVISION.REVISION.eq(revision))
                .fetchOptional(r -> r.value1());
    }

    private static String preview(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }
}
