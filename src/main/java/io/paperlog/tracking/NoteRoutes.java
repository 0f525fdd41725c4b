package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.InPlace;
import io.paperlog.web.Params;
import io.paperlog.web.SafeMarkdown;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.Map;

/**
 * My note on a paper: saving it (app.js autosaves in place and gets back the "saved" line and the new revision),
 * its kept revisions, and restoring one. A save based on an older revision is a 409 that shows both texts and
 * what differs, where the person keeps theirs, the saved one or both.
 */
public final class NoteRoutes {

    private final NoteStore notes;
    private final TrackingSection section;
    private final PaperStore papers;
    private final Views views;

    public NoteRoutes(NoteStore notes, TrackingSection section, PaperStore papers, Views views) {
        this.notes = notes;
        this.section = section;
        this.papers = papers;
        this.views = views;
    }

    public void save(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        NoteForm.Keep keep = NoteForm.keep(ctx);
        NoteForm form = NoteForm.read(ctx);
        if (keep != null) {
            resolve(ctx, user, paper, keep, form);
            return;
        }
        NoteStore.Note saved = notes.save(user.id(), paper.id(), form.body(), form.baseRevision());
        if (InPlace.fragment(ctx) != null) {
            ctx.header("X-Note-Revision", String.valueOf(saved.revision()));
            views.render(ctx, "tracking/fragments/note-saved", Map.of("note", saved,
                    "html", SafeMarkdown.toHtml(saved.body())));
            return;
        }
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/papers/" + paper.id()),
                "Note saved (revision " + saved.revision() + ").");
    }

    /**
     * The conflict view's choices: "keep mine" (my text over the saved one), "keep the saved version" (nothing is
     * written) and "keep both" (the saved text, then mine under it), each on top of the revision the view showed.
     * In place, the answer is the whole note as it is now.
     */
    private void resolve(Context ctx, CurrentUser user, Paper paper, NoteForm.Keep keep, NoteForm form) {
        String flash = "Kept the saved version of your note.";
        if (keep != NoteForm.Keep.THEIRS) {
            String body = form.body();
            if (keep == NoteForm.Keep.BOTH) {
                String saved = notes.find(user.id(), paper.id()).body();
                body = saved.isBlank() ? body : saved.stripTrailing() + "\n\n" + body;
                NoteForm.read(Form.of(Map.of("body", body, "base_revision", String.valueOf(form.baseRevision()))));
            }
            int revision = notes.save(user.id(), paper.id(), body, form.baseRevision()).revision();
            flash = (keep == NoteForm.Keep.BOTH ? "Kept both texts" : "Kept your text") + " (revision " + revision + ").";
        }
        if (InPlace.fragment(ctx) != null) {
            views.render(ctx, "tracking/fragments/note", section.model(ctx, paper));
            return;
        }
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/papers/" + paper.id()) + "#note", flash);
    }

    /** Saves a kept revision as the newest one, on top of the revision the page showed (a 409 if it moved on). */
    public void restore(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        RestoreForm form = RestoreForm.read(ctx);
        NoteStore.Note saved = notes.restore(user.id(), paper.id(), form.revision(), form.baseRevision());
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/papers/" + paper.id()),
                "Note saved (revision " + saved.revision() + ").");
    }

    public void showRevision(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        int revision = Params.wholeNumber(ctx.pathParam("revision"), "A revision");
        String body = notes.keptRevision(user.id(), paper.id(), revision);
        views.render(ctx, "tracking/revision", Map.of(
                "paperId", paper.id(),
                "revision", revision,
                "body", body,
                "html", SafeMarkdown.toHtml(body),
                "current", notes.find(user.id(), paper.id()).revision()));
    }
}
