package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Params;
import io.paperlog.web.Views;
import java.util.Map;

/** Who on a list has read which of its papers, as a matrix: people across, papers down. */
public final class CoverageRoutes {

    private final ListStore lists;
    private final ItemStore items;
    private final CoverageStore coverage;
    private final Views views;

    public CoverageRoutes(ListStore lists, ItemStore items, CoverageStore coverage, Views views) {
        this.lists = lists;
        this.items = items;
        this.coverage = coverage;
        this.views = views;
    }

    public void show(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        ListAccess access = lists.require(Params.pathId(ctx, "id", "List"), user.id());
        views.render(ctx, "lists/coverage", Map.of("list", access.list(),
                "coverage", coverage.coverage(access, items.items(access.id(), user.id()), user.id())));
    }
}
