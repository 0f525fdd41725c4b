package io.paperlog.saved;

import io.javalin.http.Context;
import io.paperlog.lists.ListForm;
import io.paperlog.lists.ListStore;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperView;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * My saved views: saving the catalogue's or the library's filter (or a search) under a name, a view's page with its
 * papers, renaming and deleting it, and making a reading list of its papers. Another person's view is a 404.
 */
public final class SavedFilterRoutes {

    private final SavedFilterStore filters;
    private final ListStore lists;
    private final Views views;

    public SavedFilterRoutes(SavedFilterStore filters, ListStore lists, Views views) {
        this.filters = filters;
        this.lists = lists;
        this.views = views;
    }

    /** My saved views, and a form to save a search; also the page the save form is shown again on. */
    public void index(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        views.render(ctx, "saved/index", Map.of("filters", filters.mine(owner),
                "name", Form.kept(ctx, "name", ""), "q", Form.kept(ctx, "q", "")));
    }

    public void create(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        SavedQuery saved = SavedFilterForm.query(ctx);
        SavedFilterForm form = SavedFilterForm.read(ctx);
        long id = filters.create(owner, form.name(), saved);
        SafeRedirect.to(ctx, "/views/" + id, "Saved “" + form.name() + "”: it is in the navigation now.");
    }

    /** A view's page: what it filters, its papers, and the forms to rename it, delete it or make a list of it. */
    public void show(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        SavedFilter filter = filters.require(owner, Params.pathId(ctx, "id", "View"));
        List<Paper> papers = filters.papers(owner, filter);
        Map<String, Object> model = new HashMap<>();
        model.put("view", filter);
        model.put("papers", papers.stream().map(PaperView::of).toList());
        model.put("capped", papers.size() >= SavedFilterStore.MAX_PAPERS);
        model.put("newName", Form.kept(ctx, "name", filter.name()));
        model.put("listName", Form.kept(ctx, "list_name", filter.name()));
        views.render(ctx, "saved/show", model);
    }

    public void rename(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        SavedFilter filter = filters.require(owner, Params.pathId(ctx, "id", "View"));
        SavedFilterForm form = SavedFilterForm.read(ctx);
        filters.rename(owner, filter.id(), form.name());
        SafeRedirect.to(ctx, filter.href(), "Renamed to “" + form.name() + "”.");
    }

    public void delete(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        SavedFilter filter = filters.require(owner, Params.pathId(ctx, "id", "View"));
        filters.delete(owner, filter.id());
        SafeRedirect.to(ctx, "/views", "Deleted the view “" + filter.name() + "”; its papers are untouched.");
    }

    /** "Create a list from this view": a new list of mine holding the view's papers as they are now, by rank. */
    public void makeList(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        SavedFilter filter = filters.require(owner, Params.pathId(ctx, "id", "View"));
        ListForm list = SavedFilterForm.list(ctx);
        List<Long> papers = filters.papers(owner, filter).stream().map(Paper::id).toList();
        long id = lists.createWith(owner, list, papers);
        SafeRedirect.to(ctx, "/lists/" + id, "Made the list from “" + filter.name() + "” with "
                + (papers.size() == 1 ? "1 paper." : papers.size() + " papers."));
    }
}
