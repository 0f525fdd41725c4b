package io.paperlog.catalogue;

import io.javalin.http.Context;
import io.paperlog.lists.ItemStore;
import io.paperlog.lists.ListAccess;
import io.paperlog.lists.ListStore;
import io.paperlog.lists.Role;
import io.paperlog.papers.Paper;
import io.paperlog.tags.RowTags;
import io.paperlog.tags.TagFilterBar;
import io.paperlog.tags.TagStore;
import io.paperlog.team.TeamStore;
import io.paperlog.tracking.Status;
import io.paperlog.tracking.TrackingStore;
import io.paperlog.web.Csrf;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Pager;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue: a page of papers, in the order and with the filters asked for, each with my status and rating and
 * what my teammates did with it, drawn normal or compact. With {@code ?add_to=LIST} (a list I may edit), each row
 * also adds its paper to that list.
 */
public final class CatalogueRoutes {

    private final CatalogueStore catalogue;
    private final TrackingStore marks;
    private final TeamStore team;
    private final ListStore lists;
    private final ItemStore items;
    private final TagStore tags;
    private final Views views;
    private final boolean secureCookies;

    public CatalogueRoutes(CatalogueStore catalogue, TrackingStore marks, TeamStore team, ListStore lists,
                           ItemStore items, TagStore tags, Views views, boolean secureCookies) {
        this.catalogue = catalogue;
        this.marks = marks;
        this.team = team;
        this.lists = lists;
        this.items = items;
        this.tags = tags;
        this.views = views;
        this.secureCookies = secureCookies;
    }

    public void show(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        CatalogueQuery query = CatalogueQuery.read(ctx);
        ListAccess addTo = query.addTo() == null ? null : lists.require(query.addTo(), user.id()).require(Role.EDITOR);
        Pager pager = new Pager(query.page(), CatalogueStore.PER_PAGE, catalogue.count(query, user.id()),
                query.pageHref()).requireExists();
        List<Paper> papers = catalogue.papers(query, user.id(), pager.offset(), pager.perPage());
        Set<Long> onList = addTo == null ? Set.of() : new HashSet<>(items.paperIds(addTo.id(), user.id()));
        List<Long> ids = papers.stream().map(Paper::id).toList();
        String back = query.self();
        CatalogueRow.Mine mine = new CatalogueRow.Mine(marks.marks(user.id(), ids),
                RowTags.of(tags.byPaper(user.id(), ids)), team.counts(user.id(), ids), onList, Csrf.token(ctx), back);
        List<CatalogueRow> rows = papers.stream().map(paper -> CatalogueRow.of(paper, mine, views)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("query", query);
        model.put("pager", pager);
        model.put("compact", Density.of(ctx).compact());
        model.put("sorts", CatalogueSort.values());
        model.put("statuses", Status.values());
        model.put("addTo", addTo);
        model.put("back", back);
        model.put("tagBar", TagFilterBar.of("/", query.tags(), tags.tags(user.id()), query.params()));
        views.render(ctx, "catalogue/catalogue", model);
    }

    /** Switches between the normal and the compact view, for this browser, and goes back to the same page. */
    public void setView(Context ctx) {
        Density density = Density.read(ctx);
        density.remember(ctx, secureCookies);
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/"), null);
    }
}
