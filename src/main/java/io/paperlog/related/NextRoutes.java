package io.paperlog.related;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.papers.PaperView;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.Map;

/** /next, what I should read next, and "not interested" (with its undo), which only ever touch my own marks. */
public final class NextRoutes {

    private final Suggestions suggestions;
    private final RelatedStore store;
    private final PaperStore papers;
    private final Views views;

    NextRoutes(Suggestions suggestions, RelatedStore store, PaperStore papers, Views views) {
        this.suggestions = suggestions;
        this.store = store;
        this.papers = papers;
        this.views = views;
    }

    public void show(Context ctx) {
        Suggestions.ForPerson mine = suggestions.forPerson(CurrentUser.of(ctx).id());
        views.render(ctx, "related/next", Map.of("next", mine));
    }

    public void notInterested(Context ctx) {
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        store.markNotInterested(CurrentUser.of(ctx).id(), paper.id());
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/next"),
                "Not interested in “" + PaperView.of(paper).title() + "”: papers like it move down.");
    }

    public void interested(Context ctx) {
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        store.undoNotInterested(CurrentUser.of(ctx).id(), paper.id());
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/next"),
                "“" + PaperView.of(paper).title() + "” can be suggested again.");
    }
}
