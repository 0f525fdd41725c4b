package io.paperlog.io;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.NOTE;
import static io.paperlog.db.schema.Tables.NOTE_REVISION;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_PRIVACY;
import static io.paperlog.db.schema.Tables.READING_STATUS;
import static io.paperlog.db.schema.Tables.STATUS_EVENT;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.records.NoteRecord;
import io.paperlog.db.schema.tables.records.ReadingStatusRecord;
import io.paperlog.io.Bundle.EventEntry;
import io.paperlog.io.Bundle.NoteEntry;
import io.paperlog.io.Bundle.PaperEntry;
import io.paperlog.io.Bundle.Person;
import io.paperlog.io.Bundle.RatingEntry;
import io.paperlog.io.Bundle.RevisionEntry;
import io.paperlog.io.Bundle.StatusEntry;
import io.paperlog.io.Checks.Refused;
import io.paperlog.io.Report.Outcome;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Applies an import for one person in one transaction: papers matched (arXiv id, then DOI, then normalised title)
 * or added, then their statuses, history, ratings, notes and sharing; {@link SharedImportStore} does annotations,
 * replies, lists and comments. Nothing of anyone else is changed: every row written carries the importing person.
 * A preview runs the very same code and rolls it back.
 */
final class ImportStore {

    static final Set<String> STATUSES = Set.of("none", "want", "reading", "read", "abandoned");
    static final Set<String> VISIBILITIES = Set.of("private", "team");

    private final Database db;
    private final Clock clock;

    ImportStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the import would do, with nothing stored. */
    Report preview(long userId, Incoming incoming) {
        try {
            db.write(dsl -> {
                throw new RolledBack(apply(dsl, userId, incoming));
            });
        } catch (RolledBack preview) {
            return preview.report;
        }
        throw new IllegalStateException("a preview cannot end without its report");
    }

    /** The import, all of it or (on any failure) none of it. */
    Report apply(long userId, Incoming incoming) {
        return db.write(dsl -> apply(dsl, userId, incoming));
    }

    private static final class RolledBack extends RuntimeException {
        final transient Report report;

        RolledBack(Report report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private Report apply(DSLContext dsl, long userId, Incoming incoming) {
        Run run = new Run(dsl, userId, Timestamps.now(clock), new Report(incoming.source(), incoming.problems()));
        if (incoming.bundle() != null) {
            applyBundle(run, incoming.bundle());
        } else {
            incoming.entries().forEach(entry -> applyEntry(run, entry));
        }
        return run.report;
    }

    /** What one import knows while it runs: who imports, the catalogue as matched so far, and the report. */
    static final class Run {
        final DSLContext dsl;
        final long userId;
        final String username;
        final String now;
        final Report report;
        /** The username the bundle knew this person by, which stands for them in references. */
        String exportedAs;
        final Map<String, Long> paperIds = new HashMap<>();
        final Map<String, String> titles = new HashMap<>();
        private final Map<String, Long> byArxiv = new HashMap<>();
        private final Map<String, Long> byDoi = new HashMap<>();
        private final Map<String, Long> byTitle = new HashMap<>();

        Run(DSLContext dsl, long userId, String now, Report report) {
            this.dsl = dsl;
            this.userId = userId;
            this.now = now;
            this.report = report;
            this.username = dsl.select(ACCOUNT.USERNAME).from(ACCOUNT).where(ACCOUNT.ID.eq(userId)).fetchOne().value1();
            dsl.select(PAPER.ID, PAPER.ARXIV_ID, PAPER.DOI, PAPER.TITLE).from(PAPER).orderBy(PAPER.ID)
                    .forEach(p -> index(p.value1(), p.value2(), p.value3(), p.value4()));
        }

        private void index(long id, String arxiv, String doi, String title) {
            if (arxiv != null) {
                byArxiv.putIfAbsent(arxiv, id);
            }
            if (doi != null) {
                byDoi.putIfAbsent(doi.toLowerCase(Locale.ROOT), id);
            }
            byTitle.putIfAbsent(PaperKeys.normalisedTitle(title), id);
        }

        Long match(PaperEntry p) {
            Long id = p.arxivId() == null ? null : byArxiv.get(p.arxivId());
            if (id == null && p.doi() != null) {
                id = byDoi.get(p.doi().toLowerCase(Locale.ROOT));
            }
            return id != null ? id : byTitle.get(PaperKeys.normalisedTitle(p.title()));
        }

        /** An account by username as the file names it; the bundle's own person is the one importing. */
        Long account(String name) {
            if (name == null) {
                return null;
            }
            if (name.equals(exportedAs) || name.equalsIgnoreCase(username)) {
                return userId;
            }
            return dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.USERNAME.equalIgnoreCase(name))
                    .fetchOptional(r -> r.value1()).orElse(null);
        }

        /** The paper a bundle's key names, if the bundle's paper list held it and it was matched or added. */
        Long paper(String key) {
            return key == null ? null : paperIds.get(key);
        }

        String title(String key) {
            return titles.getOrDefault(key, key);
        }
    }

    private static void applyBundle(Run run, Bundle bundle) {
        Person person = pickPerson(run, bundle);
        run.exportedAs = person.username();
        for (PaperEntry paper : bundle.papers()) {
            Long id = paper(run, paper, "paper " + Checks.shown(String.valueOf(paper.title())));
            if (id != null) {
                run.paperIds.put(paper.key(), id);
                run.titles.put(paper.key(), paper.title());
            }
        }
        settings(run, person.settings());
        for (StatusEntry status : person.statuses()) {
            withPaper(run, "statuses", status.paper(), id -> status(run, id, status, false));
        }
        for (EventEntry event : person.statusEvents()) {
            withPaper(run, "status history", event.paper(), id -> event(run, id, event));
        }
        for (RatingEntry rating : person.ratings()) {
            withPaper(run, "ratings", rating.paper(), id -> rating(run, id, rating));
        }
        for (NoteEntry note : person.notes()) {
            withPaper(run, "notes", note.paper(), id -> note(run, id, note));
        }
        SharedImportStore.apply(run, person);
        TagImportStore.apply(run, person);
    }

    private static Person pickPerson(Run run, Bundle bundle) {
        if (Bundle.PERSON.equals(bundle.scope()) && bundle.people().size() == 1) {
            return bundle.people().get(0);
        }
        return bundle.people().stream().filter(p -> run.username.equalsIgnoreCase(p.username())).findFirst()
                .orElseThrow(() -> UserError.invalid("file", "This export holds the whole instance, and nobody in it "
                        + "is called " + run.username + ": import your own export instead."));
    }

    interface PaperWork {
        void apply(long paperId);
    }

    /** Runs {@code work} on the paper {@code key} names; a thing whose paper is unknown, or that is refused, is skipped. */
    static void withPaper(Run run, String kind, String key, PaperWork work) {
        Long paperId = run.paper(key);
        String where = kind + " of " + Checks.shown(run.title(key));
        if (paperId == null) {
            run.report.skip(kind, where, "its paper is not in the file's list of papers, or could not be added.");
            return;
        }
        try {
            work.apply(paperId);
        } catch (Refused refused) {
            run.report.skip(kind, where, refused.getMessage());
        }
    }

    private static void applyEntry(Run run, Incoming.Entry entry) {
        Long id = paper(run, entry.paper(), entry.where());
        if (id == null) {
            return;
        }
        String title = entry.paper().title();
        run.paperIds.put(entry.paper().key(), id);
        run.titles.put(entry.paper().key(), title);
        try {
            if (entry.status() != null) {
                String at = entry.finishedOn() != null ? entry.finishedOn() + "T00:00:00Z"
                        : entry.startedOn() != null ? entry.startedOn() + "T00:00:00Z" : run.now;
                StatusEntry status = new StatusEntry(entry.paper().key(), entry.status(), entry.startedOn(),
                        entry.finishedOn(), entry.timesRead() == null ? (entry.status().equals("read") ? 1 : 0)
                        : entry.timesRead(), 0, at);
                String current = currentStatus(run, id);
                if (!entry.statusIfNone() || current.equals("none")) {
                    status(run, id, status, true);
                } else {
                    run.report.record("statuses", Outcome.MATCHED, title + ": stays " + current);
                }
            }
            if (entry.stars() != null) {
                rating(run, id, new RatingEntry(entry.paper().key(), entry.stars(), run.now));
            }
            if (entry.note() != null && !entry.note().isBlank()) {
                note(run, id, new NoteEntry(entry.paper().key(), "private", entry.note(), 1, run.now, List.of()));
            }
            TagImportStore.tagAll(run, id, title, entry.tags());
        } catch (Refused refused) {
            run.report.skip("statuses", entry.where() + " (" + Checks.shown(title) + ")", refused.getMessage());
        }
    }

    /** The paper {@code p} names, matched or added (by the importing person); null when it cannot be added. */
    static Long paper(Run run, PaperEntry p, String where) {
        String title;
        try {
            title = Checks.text(p.title(), "The title", 1, 1000).strip();
        } catch (Refused refused) {
            run.report.skip("papers", where, refused.getMessage());
            return null;
        }
        Long matched = run.match(p);
        if (matched != null) {
            run.report.record("papers", Outcome.MATCHED, title);
            return matched;
        }
        try {
            String arxiv = p.arxivId() == null ? null : PaperKeys.arxivId(p.arxivId());
            String doi = p.doi() == null ? null : PaperKeys.doi(p.doi());
            Integer year = p.year() != null && p.year() >= 1000 && p.year() <= 2999 ? p.year() : null;
            String url = p.url() != null && p.url().matches("https?://\\S{1,1990}") ? p.url() : null;
            String venue = p.venue() == null || p.venue().isBlank() ? null : Checks.text(p.venue(), "The venue", 1, 300);
            String createdAt = p.createdAt() == null ? run.now : Checks.instant(p.createdAt(), "When it was added");
            long id = run.dsl.insertInto(PAPER)
                    .set(PAPER.TITLE, title)
                    .set(PAPER.ABSTRACT, Checks.text(p.abstractText(), "The abstract", 0, 100_000))
                    .set(PAPER.CITATIONS, p.citations() == null || p.citations() < 0 ? 0 : p.citations())
                    .set(PAPER.CREATED_AT, createdAt)
                    .set(PAPER.ARXIV_ID, arxiv).set(PAPER.DOI, doi).set(PAPER.YEAR, year).set(PAPER.URL, url)
                    .set(PAPER.VENUE, venue)
                    .set(PAPER.AUTHORS, Checks.text(p.authors(), "The authors", 0, 20_000))
                    .set(PAPER.ADDED_BY, run.userId)
                    .returningResult(PAPER.ID).fetchOne().value1();
            run.index(id, arxiv, doi, title);
            run.report.record("papers", Outcome.CREATED, title);
            return id;
        } catch (Refused refused) {
            run.report.skip("papers", where, refused.getMessage());
            return null;
        }
    }

    private static String currentStatus(Run run, long paperId) {
        return run.dsl.select(READING_STATUS.STATUS).from(READING_STATUS)
                .where(READING_STATUS.USER_ID.eq(run.userId), READING_STATUS.PAPER_ID.eq(paperId))
                .fetchOptional(r -> r.value1()).orElse("none");
    }

    /**
     * A status becomes current when I have none, or when it is newer than mine; an older one leaves mine as it is
     * and, when {@code history} (a file without its own history), goes into my history as what it was then.
     */
    private static void status(Run run, long paperId, StatusEntry s, boolean history) {
        String status = Checks.oneOf(s.status(), "The status", STATUSES);
        String started = Checks.date(s.startedOn(), "The start date");
        String finished = Checks.date(s.finishedOn(), "The finish date");
        if (started != null && finished != null && finished.compareTo(started) < 0) {
            throw new Refused("It was finished (" + finished + ") before it was started (" + started + ").");
        }
        int times = Checks.atLeast(s.timesRead(), 0, "Times read");
        int rereads = Checks.atLeast(s.rereads(), 0, "Rereads");
        String at = Checks.instant(s.updatedAt(), "When it was set");
        String title = run.title(s.paper());
        ReadingStatusRecord stored = run.dsl.selectFrom(READING_STATUS)
                .where(READING_STATUS.USER_ID.eq(run.userId), READING_STATUS.PAPER_ID.eq(paperId)).fetchOne();
        if (stored == null) {
            run.dsl.insertInto(READING_STATUS).set(READING_STATUS.USER_ID, run.userId).set(READING_STATUS.PAPER_ID, paperId)
                    .set(READING_STATUS.STATUS, status).set(READING_STATUS.STARTED_ON, started)
                    .set(READING_STATUS.FINISHED_ON, finished).set(READING_STATUS.TIMES_READ, times)
                    .set(READING_STATUS.REREADS, rereads).set(READING_STATUS.UPDATED_AT, at).execute();
            if (history && !status.equals("none")) {
                addEvent(run, paperId, "none", status, at);
            }
            run.report.record("statuses", Outcome.CREATED, title + ": " + status);
            return;
        }
        boolean same = stored.getStatus().equals(status) && Objects.equals(stored.getStartedOn(), started)
                && Objects.equals(stored.getFinishedOn(), finished) && stored.getTimesRead() == times
                && (!history ? stored.getRereads() == rereads : true);
        if (same || history && stored.getStatus().equals(status) && started == null && finished == null) {
            run.report.record("statuses", Outcome.MATCHED, title + ": " + status);
        } else if (at.compareTo(stored.getUpdatedAt()) > 0) {
            stored.setStatus(status);
            stored.setStartedOn(started);
            stored.setFinishedOn(finished);
            stored.setTimesRead(times);
            stored.setRereads(history ? stored.getRereads() : rereads);
            stored.setUpdatedAt(at);
            run.dsl.executeUpdate(stored);
            if (history) {
                addEvent(run, paperId, currentBefore(run, paperId, at), status, at);
            }
            run.report.record("statuses", Outcome.UPDATED, title + ": now " + status);
        } else if (history && !stored.getStatus().equals(status)) {
            boolean added = addEvent(run, paperId, currentBefore(run, paperId, at), status, at);
            run.report.record("statuses", added ? Outcome.UPDATED : Outcome.MATCHED,
                    title + ": " + status + " on " + at.substring(0, 10) + " kept in the history; "
                            + stored.getStatus() + " is newer and stays");
        } else {
            run.report.record("statuses", Outcome.MATCHED, title + ": yours (" + stored.getStatus() + ") is newer");
        }
    }

    /** The status I had at {@code at}, by my history: what an older imported status moved from. */
    private static String currentBefore(Run run, long paperId, String at) {
        return run.dsl.select(STATUS_EVENT.TO_STATUS).from(STATUS_EVENT)
                .where(STATUS_EVENT.USER_ID.eq(run.userId), STATUS_EVENT.PAPER_ID.eq(paperId), STATUS_EVENT.AT.lt(at))
                .orderBy(STATUS_EVENT.AT.desc(), STATUS_EVENT.ID.desc()).limit(1)
                .fetchOptional(r -> r.value1()).orElse("none");
    }

    private static void event(Run run, long paperId, EventEntry e) {
        String from = Checks.oneOf(e.from(), "The status it moved from", STATUSES);
        String to = Checks.oneOf(e.to(), "The status it moved to", STATUSES);
        String at = Checks.instant(e.at(), "When it moved");
        boolean added = addEvent(run, paperId, from, to, at);
        run.report.record("status history", added ? Outcome.CREATED : Outcome.MATCHED,
                run.title(e.paper()) + ": " + from + " → " + to + " on " + at.substring(0, 10));
    }

    /** Adds a change of status to my history unless it is there already; whether it was added. */
    private static boolean addEvent(Run run, long paperId, String from, String to, String at) {
        boolean known = run.dsl.fetchExists(STATUS_EVENT, STATUS_EVENT.USER_ID.eq(run.userId),
                STATUS_EVENT.PAPER_ID.eq(paperId), STATUS_EVENT.TO_STATUS.eq(to), STATUS_EVENT.AT.eq(at));
        if (!known) {
            run.dsl.insertInto(STATUS_EVENT).set(STATUS_EVENT.USER_ID, run.userId).set(STATUS_EVENT.PAPER_ID, paperId)
                    .set(STATUS_EVENT.FROM_STATUS, from).set(STATUS_EVENT.TO_STATUS, to).set(STATUS_EVENT.AT, at)
                    .execute();
        }
        return !known;
    }

    private static void rating(Run run, long paperId, RatingEntry r) {
        double halvesExact = r.stars() * 2;
        if (halvesExact != Math.rint(halvesExact) || halvesExact < 1 || halvesExact > 10) {
            throw new Refused("A rating is from 0.5 to 5 stars in half steps, not " + r.stars() + ".");
        }
        int halves = (int) halvesExact;
        String at = Checks.instant(r.updatedAt(), "When it was rated");
        String title = run.title(r.paper()) + ": " + LibraryFiles.stars(r.stars()) + " stars";
        var stored = run.dsl.selectFrom(RATING).where(RATING.USER_ID.eq(run.userId), RATING.PAPER_ID.eq(paperId))
                .fetchOne();
        if (stored == null) {
            run.dsl.insertInto(RATING).set(RATING.USER_ID, run.userId).set(RATING.PAPER_ID, paperId)
                    .set(RATING.HALVES, halves).set(RATING.UPDATED_AT, at).execute();
            run.report.record("ratings", Outcome.CREATED, title);
        } else if (stored.getHalves() == halves) {
            run.report.record("ratings", Outcome.MATCHED, title);
        } else if (at.compareTo(stored.getUpdatedAt()) > 0) {
            stored.setHalves(halves);
            stored.setUpdatedAt(at);
            run.dsl.executeUpdate(stored);
            run.report.record("ratings", Outcome.UPDATED, title);
        } else {
            run.report.record("ratings", Outcome.MATCHED, title + " (yours is newer and stays)");
        }
    }

    /**
     * A note I have none of arrives with its kept revisions; one that differs from mine becomes my newest revision
     * (the text it replaces stays among the revisions); one equal to mine changes nothing.
     */
    private static void note(Run run, long paperId, NoteEntry n) {
        String body = Checks.text(n.body(), "The note", 0, 100_000);
        String visibility = Checks.oneOf(n.visibility(), "Who sees the note", VISIBILITIES);
        String at = Checks.instant(n.updatedAt(), "When the note was saved");
        String title = run.title(n.paper());
        NoteRecord stored = run.dsl.selectFrom(NOTE).where(NOTE.USER_ID.eq(run.userId), NOTE.PAPER_ID.eq(paperId))
                .fetchOne();
        if (stored == null) {
            int revision = Checks.atLeast(n.revision(), 1, "The note's revision");
            Set<Integer> seen = new HashSet<>();
            for (RevisionEntry r : n.revisions()) {
                Checks.atLeast(r.revision(), 1, "A revision's number");
                Checks.text(r.body(), "A revision", 0, 100_000);
                Checks.instant(r.createdAt(), "When a revision was saved");
                if (!seen.add(r.revision()) || r.revision() > revision) {
                    throw new Refused("Its revisions are numbered twice, or after the note itself.");
                }
            }
            run.dsl.insertInto(NOTE).set(NOTE.USER_ID, run.userId).set(NOTE.PAPER_ID, paperId).set(NOTE.BODY, body)
                    .set(NOTE.REVISION, revision).set(NOTE.VISIBILITY, visibility).set(NOTE.UPDATED_AT, at).execute();
            List<RevisionEntry> revisions = seen.contains(revision) ? n.revisions()
                    : java.util.stream.Stream.concat(n.revisions().stream(),
                            java.util.stream.Stream.of(new RevisionEntry(revision, body, at))).toList();
            for (RevisionEntry r : revisions) {
                run.dsl.insertInto(NOTE_REVISION).set(NOTE_REVISION.USER_ID, run.userId)
                        .set(NOTE_REVISION.PAPER_ID, paperId).set(NOTE_REVISION.REVISION, r.revision())
                        .set(NOTE_REVISION.BODY, r.body()).set(NOTE_REVISION.CREATED_AT, r.createdAt()).execute();
            }
            run.report.record("notes", Outcome.CREATED, title);
        } else if (stored.getBody().equals(body)) {
            run.report.record("notes", Outcome.MATCHED, title);
        } else {
            int revision = stored.getRevision() + 1;
            stored.setBody(body);
            stored.setRevision(revision);
            stored.setUpdatedAt(run.now);
            run.dsl.executeUpdate(stored);
            run.dsl.insertInto(NOTE_REVISION).set(NOTE_REVISION.USER_ID, run.userId).set(NOTE_REVISION.PAPER_ID, paperId)
                    .set(NOTE_REVISION.REVISION, revision).set(NOTE_REVISION.BODY, body)
                    .set(NOTE_REVISION.CREATED_AT, run.now).execute();
            run.report.record("notes", Outcome.UPDATED, title + ": a new revision; your text is kept as the one before");
        }
    }

    private static void settings(Run run, Bundle.Settings settings) {
        if (settings == null) {
            return;
        }
        int statuses = settings.statusesVisible() ? 1 : 0;
        int ratings = settings.ratingsVisible() ? 1 : 0;
        var stored = run.dsl.selectFrom(READING_PRIVACY).where(READING_PRIVACY.USER_ID.eq(run.userId)).fetchOne();
        boolean same = stored == null ? statuses == 1 && ratings == 1
                : stored.getStatusesVisible() == statuses && stored.getRatingsVisible() == ratings;
        String what = "the team sees your statuses: " + (statuses == 1 ? "yes" : "no") + ", your ratings: "
                + (ratings == 1 ? "yes" : "no");
        if (same) {
            run.report.record("settings", Outcome.MATCHED, what);
            return;
        }
        run.dsl.insertInto(READING_PRIVACY).set(READING_PRIVACY.USER_ID, run.userId)
                .set(READING_PRIVACY.STATUSES_VISIBLE, statuses).set(READING_PRIVACY.RATINGS_VISIBLE, ratings)
                .onConflict(READING_PRIVACY.USER_ID).doUpdate()
                .set(READING_PRIVACY.STATUSES_VISIBLE, statuses).set(READING_PRIVACY.RATINGS_VISIBLE, ratings)
                .execute();
        run.report.record("settings", Outcome.UPDATED, what);
    }
}
