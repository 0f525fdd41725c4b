package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagFilterBar;
import io.paperlog.tags.TagStore;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** My library (the papers I marked, by status), who sees my reading, my reading stats, and the help page. */
public final class LibraryRoutes {

    /** A library tab: its status slug, label, how many papers it holds and whether it is open. */
    public record Tab(String slug, String label, int count, boolean current) {}

    private final TrackingStore marks;
    private final PaperStore papers;
    private final TagStore tags;
    private final Views views;

    public LibraryRoutes(TrackingStore marks, PaperStore papers, TagStore tags, Views views) {
        this.marks = marks;
        this.papers = papers;
        this.tags = tags;
        this.views = views;
    }

    public void library(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        LibraryQuery query = LibraryQuery.read(ctx);
        TagFilter tagFilter = TagFilter.read(ctx);
        List<TrackingStore.LibraryRow> all = marks.library(user.id());
        Set<Long> passing = tags.passing(tagFilter, all.stream().map(r -> r.mark().paperId()).toList(), user.id());
        List<TrackingStore.LibraryRow> mine = all.stream().filter(r -> passing.contains(r.mark().paperId())).toList();
        int read = (int) all.stream().filter(r -> r.mark().status() == Status.READ).count();
        int total = papers.count();
        Map<String, Object> model = new HashMap<>();
        model.put("tabs", tabs(mine, query));
        model.put("tab", query.tab());
        model.put("sort", query.sort());
        model.put("rows", mine.stream().filter(query::shows).sorted(query.order()).toList());
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

    private static List<Tab> tabs(List<TrackingStore.LibraryRow> mine, LibraryQuery query) {
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("all", "All", mine.size(), query.tab().equals("all")));
        for (Status s : LibraryQuery.TABS) {
            int count = (int) mine.stream().filter(r -> r.mark().status() == s).count();
            tabs.add(new Tab(s.getSlug(), s.getLabel(), count, query.tab().equals(s.getSlug())));
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
