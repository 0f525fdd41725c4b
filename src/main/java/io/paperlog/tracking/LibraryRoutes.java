package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagFilterBar;
import io.paperlog.tags.TagStore;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Pager;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** My library (the papers I marked, by status), who sees my reading, my reading stats, and the help page. */
public final class LibraryRoutes {

    /** A library tab: its status slug, label, how many papers it holds and whether it is open. */
    public record Tab(String slug, String label, int count, boolean current) {}

    /** How many papers a page of the library holds. */
    static final int PER_PAGE = 50;

    private final TrackingStore marks;
    private final LibraryStore library;
    private final PaperStore papers;
    private final TagStore tags;
    private final Views views;

    public LibraryRoutes(TrackingStore marks, LibraryStore library, PaperStore papers, TagStore tags, Views views) {
        this.marks = marks;
        this.library = library;
        this.papers = papers;
        this.tags = tags;
        this.views = views;
    }

    public void library(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        LibraryQuery query = LibraryQuery.read(ctx);
        TagFilter tagFilter = TagFilter.read(ctx);
        Map<String, Integer> counts = library.libraryCounts(user.id(), tagFilter);
        Map<String, Integer> everything = tagFilter.active() ? library.libraryCounts(user.id()) : counts;
        Pager pager = new Pager(Pager.requested(ctx), PER_PAGE, counts.getOrDefault(query.tab(), 0),
                "/library?status=" + query.tab() + "&sort=" + query.sort() + tagFilter.query() + "&").requireExists();
        int read = everything.getOrDefault(Status.READ.getSlug(), 0);
        int total = papers.count();
        Map<String, Object> model = new HashMap<>();
        model.put("tabs", tabs(counts, query));
        model.put("tab", query.tab());
        model.put("sort", query.sort());
        model.put("rows", library.libraryPage(user.id(), query.tab(), query.sort(), tagFilter, pager.offset(),
                pager.perPage()));
        model.put("pager", pager);
        model.put("read", read);
        model.put("total", total);
        model.put("percent", total == 0 ? 0 : Math.round(100f * read / total));
        model.put("sharing", marks.sharing(user.id()));
        model.put("tagFilter", tagFilter);
        model.put("here", ctx.queryString() == null ? "" : ctx.queryString());
        model.put("tagBar", TagFilterBar.of("/library", tagFilter, tags.tags(user.id()),
                Map.of("status", query.tab().equals("all") ? "" : query.tab(),
                        "sort", query.sort().equals("title") ? "" : query.sort())));
        views.render(ctx, "tracking/library", model);
    }

    private static List<Tab> tabs(Map<String, Integer> counts, LibraryQuery query) {
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("all", "All", counts.getOrDefault("all", 0), query.tab().equals("all")));
        for (Status s : LibraryQuery.TABS) {
            tabs.add(new Tab(s.getSlug(), s.getLabel(), counts.getOrDefault(s.getSlug(), 0),
                    query.tab().equals(s.getSlug())));
        }
        return tabs;
    }

    /** Whether the team may see my statuses and ratings: two checkboxes, each on or absent. */
    public void setSharing(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        marks.setSharing(user.id(), SharingForm.read(ctx).sharing());
        SafeRedirect.to(ctx, "/library", "Saved who sees your reading.");
    }

    public void stats(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        views.render(ctx, "tracking/stats", Map.of("stats", Stats.compute(marks.library(user.id()), papers.count(),
                marks.events(user.id()), marks.today())));
    }

    public void help(Context ctx) {
        views.render(ctx, "tracking/help", Map.of("keptRevisions", NoteStore.KEPT_REVISIONS,
                "noteMax", NoteStore.MAX_CHARS));
    }
}
