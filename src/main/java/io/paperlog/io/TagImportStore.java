package io.paperlog.io;

import static io.paperlog.db.schema.Tables.PAPER_TAG;
import static io.paperlog.db.schema.Tables.SAVED_FILTER;
import static io.paperlog.db.schema.Tables.TAG;

import io.paperlog.io.Bundle.Person;
import io.paperlog.io.Bundle.SavedFilterEntry;
import io.paperlog.io.Bundle.TagEntry;
import io.paperlog.io.Bundle.TaggedPaper;
import io.paperlog.io.Checks.Refused;
import io.paperlog.io.ImportStore.Run;
import io.paperlog.io.Report.Outcome;
import io.paperlog.saved.SavedQuery;
import io.paperlog.tags.TagName;
import io.paperlog.web.UserError;
import java.util.Locale;

/**
 * The part of an import that is only ever the person's own: their tags (matched by name, whatever its case) with the
 * papers they are on, and their saved views (matched by name; one already here keeps its filter).
 */
final class TagImportStore {

    private TagImportStore() {}

    static void apply(Run run, Person person) {
        for (TagEntry t : person.tags()) {
            String where = "tag " + Checks.shown(String.valueOf(t.name()));
            Long tagId;
            try {
                tagId = tag(run, t.name(), Checks.instant(t.createdAt(), "When the tag was made"));
            } catch (Refused refused) {
                run.report.skip("tags", where, refused.getMessage());
                continue;
            }
            for (TaggedPaper p : t.papers()) {
                ImportStore.withPaper(run, "tagged papers", p.paper(), paperId ->
                        tagPaper(run, tagId, paperId, Checks.instant(p.addedAt(), "When it was tagged"),
                                t.name() + " on " + run.title(p.paper())));
            }
        }
        for (SavedFilterEntry f : person.savedFilters()) {
            try {
                savedFilter(run, f);
            } catch (Refused refused) {
                run.report.skip("saved views", "saved view " + Checks.shown(String.valueOf(f.name())),
                        refused.getMessage());
            }
        }
    }

    /** Tags a paper with each of {@code names} (a CSV row's tags), making the tags I do not have yet. */
    static void tagAll(Run run, long paperId, String title, Iterable<String> names) {
        for (String name : names) {
            long tagId = tag(run, name, run.now);
            tagPaper(run, tagId, paperId, run.now, name + " on " + title);
        }
    }

    /** My tag called {@code raw} (in any case), made now if I have none. */
    private static long tag(Run run, String raw, String createdAt) {
        TagName name = TagName.parse(raw).orElseThrow(() -> new Refused(TagName.problem(raw)));
        Long id = run.dsl.select(TAG.ID).from(TAG).where(TAG.USER_ID.eq(run.userId), TAG.NAME_KEY.eq(name.key()))
                .fetchOptional(r -> r.value1()).orElse(null);
        if (id != null) {
            run.report.record("tags", Outcome.MATCHED, name.name());
            return id;
        }
        run.report.record("tags", Outcome.CREATED, name.name());
        return run.dsl.insertInto(TAG).set(TAG.USER_ID, run.userId).set(TAG.NAME, name.name())
                .set(TAG.NAME_KEY, name.key()).set(TAG.CREATED_AT, createdAt)
                .returningResult(TAG.ID).fetchOne().value1();
    }

    private static void tagPaper(Run run, long tagId, long paperId, String addedAt, String what) {
        if (run.dsl.fetchExists(PAPER_TAG, PAPER_TAG.TAG_ID.eq(tagId), PAPER_TAG.PAPER_ID.eq(paperId))) {
            run.report.record("tagged papers", Outcome.MATCHED, what);
            return;
        }
        run.dsl.insertInto(PAPER_TAG).set(PAPER_TAG.TAG_ID, tagId).set(PAPER_TAG.PAPER_ID, paperId)
                .set(PAPER_TAG.ADDED_AT, addedAt).execute();
        run.report.record("tagged papers", Outcome.CREATED, what);
    }

    private static void savedFilter(Run run, SavedFilterEntry f) {
        String name = Checks.text(f.name(), "The view's name", 1, 60).strip();
        String created = Checks.instant(f.createdAt(), "When the view was saved");
        String updated = Checks.instant(f.updatedAt(), "When the view was changed");
        SavedQuery query;
        try {
            query = SavedQuery.parse(String.valueOf(f.target()), Checks.text(f.query(), "The view's filter", 0, 2000));
        } catch (UserError refused) {
            throw new Refused(refused.getMessage());
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (run.dsl.fetchExists(SAVED_FILTER, SAVED_FILTER.USER_ID.eq(run.userId), SAVED_FILTER.NAME_KEY.eq(key))) {
            run.report.record("saved views", Outcome.MATCHED, name);
            return;
        }
        run.dsl.insertInto(SAVED_FILTER).set(SAVED_FILTER.USER_ID, run.userId).set(SAVED_FILTER.NAME, name)
                .set(SAVED_FILTER.NAME_KEY, key).set(SAVED_FILTER.TARGET, query.target().slug())
                .set(SAVED_FILTER.QUERY, query.query()).set(SAVED_FILTER.CREATED_AT, created)
                .set(SAVED_FILTER.UPDATED_AT, updated).execute();
        run.report.record("saved views", Outcome.CREATED, name);
    }
}
