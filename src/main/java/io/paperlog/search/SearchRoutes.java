package io.paperlog.search;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Params;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.Map;

/**
 * {@code /search?q=}: results grouped by paper, a page at a time, without JavaScript; {@code /search/live?q=}:
 * the first few as the options of the header's search box while someone types.
 */
public final class SearchRoutes {

    static final int PER_PAGE = 20;
    static final int LIVE_RESULTS = 6;

    private final SearchStore store;
    private final Views views;

    public SearchRoutes(SearchStore store, Views views) {
        this.store = store;
        this.views = views;
    }

    public void show(Context ctx) {
        String typed = typed(ctx);
        SearchPage page = store.search(SearchQuery.parse(typed), CurrentUser.of(ctx).id(), page(ctx), PER_PAGE);
        views.render(ctx, "search/search", Map.of("q", typed, "page", page, "links", new SearchLinks(typed)));
    }

    public void live(Context ctx) {
        String typed = typed(ctx);
        SearchPage page = store.search(SearchQuery.parse(typed), CurrentUser.of(ctx).id(), 1, LIVE_RESULTS);
        views.render(ctx, "search/live", Map.of("q", typed, "page", page, "links", new SearchLinks(typed)));
    }

    /** What was typed: any text at all is a search (the grammar makes sense of it), none is an empty one. */
    static String typed(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.strip();
    }

    /** ?page=N, from 1; a page past the last shows the last. */
    static int page(Context ctx) {
        String raw = Params.query(ctx, "page");
        if (raw == null) {
            return 1;
        }
        int page = Params.wholeNumber(raw, "The page");
        if (page < 1) {
            throw UserError.badRequest("The page is a whole number from 1, like 2.");
        }
        return page;
    }
}
