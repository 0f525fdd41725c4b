package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.Csrf;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.InPlace;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.Locale;

/**
 * Setting my status and my rating of a paper, from its page or a catalogue row. A plain form gets a 303 back to
 * where it came from; app.js asks in place for the piece it shows: {@code row} (a catalogue row's controls) or
 * {@code panel} (the paper page's status and rating).
 */
public final class StatusRoutes {

    private final TrackingStore marks;
    private final PaperStore papers;
    private final TrackingSection section;
    private final Views views;

    public StatusRoutes(TrackingStore marks, PaperStore papers, TrackingSection section, Views views) {
        this.marks = marks;
        this.papers = papers;
        this.section = section;
        this.views = views;
    }

    public void setStatus(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        StatusForm form = StatusForm.read(ctx);
        Mark mark = marks.setStatus(user.id(), paper.id(), form);
        answer(ctx, paper, mark, "Paper " + paper.id() + ": " + form.status().getLabel().toLowerCase(Locale.ROOT) + ".");
    }

    public void setRating(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        Integer halves = RatingForm.read(ctx).halves();
        Mark mark = marks.setRating(user.id(), paper.id(), halves);
        answer(ctx, paper, mark, halves == null ? "Rating cleared." : "Rated " + Stars.label(halves) + ".");
    }

    /** A catalogue row's one form: its status buttons send {@code status}, its stars {@code rating}. */
    public void setMark(Context ctx) {
        if (ctx.formParam("status") != null) {
            setStatus(ctx);
        } else if (ctx.formParam("rating") != null) {
            setRating(ctx);
        } else {
            throw UserError.badRequest("Choose a status or a rating.");
        }
    }

    private void answer(Context ctx, Paper paper, Mark mark, String message) {
        String back = SafeRedirect.back(ctx, "/papers/" + paper.id());
        String fragment = InPlace.fragment(ctx);
        if ("row".equals(fragment)) {
            views.renderHtml(ctx, RowControls.html(mark, Csrf.token(ctx), back));
        } else if (fragment != null) {
            views.render(ctx, section.template("panel"), section.model(ctx, paper));
        } else {
            SafeRedirect.to(ctx, back, message);
        }
    }
}
