package io.paperlog.catalogue;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.tracking.Mark;
import io.paperlog.tracking.RowControls;
import io.paperlog.tracking.Status;
import io.paperlog.tracking.TrackingStore;
import io.paperlog.web.Csrf;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Views;
import java.util.List;
import java.util.Map;

/** The catalogue: every paper, in the order and with the filters asked for, each with my status and rating. */
public final class CatalogueRoutes {

    private final CatalogueStore catalogue;
    private final TrackingStore marks;
    private final Views views;

    public CatalogueRoutes(CatalogueStore catalogue, TrackingStore marks, Views views) {
        this.catalogue = catalogue;
        this.marks = marks;
        this.views = views;
    }

    public void show(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        CatalogueQuery query = CatalogueQuery.read(ctx);
        List<Paper> papers = catalogue.papers(query, user.id());
        Map<Long, Mark> mine = marks.marks(user.id());
        String csrf = Csrf.token(ctx);
        String back = ctx.queryString() == null ? "/" : "/?" + ctx.queryString();
        List<CatalogueRow> rows = papers.stream().map(paper -> CatalogueRow.of(paper,
                RowControls.html(mine.getOrDefault(paper.id(), Mark.none(paper.id())), csrf, back))).toList();
        views.render(ctx, "catalogue/catalogue", Map.of(
                "rows", rows,
                "query", query,
                "sorts", CatalogueSort.values(),
                "statuses", Status.values()));
    }
}
