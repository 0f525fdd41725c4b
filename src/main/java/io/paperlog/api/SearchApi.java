package io.paperlog.api;

import io.javalin.http.Context;
import io.paperlog.search.SearchHit;
import io.paperlog.search.SearchPage;
import io.paperlog.search.SearchQuery;
import io.paperlog.search.SearchResult;
import io.paperlog.search.SearchStore;
import io.paperlog.web.CurrentUser;
import java.util.List;

/** Search, as on the pages: the same grammar, the same results for the same person, a page at a time. */
public final class SearchApi {

    private final SearchStore search;

    SearchApi(SearchStore search) {
        this.search = search;
    }

    /** A result's matches; {@code snippet} is plain text (TeX as written), {@code href} the page it is on. */
    record HitJson(String kind, String reason, String snippet, String href) {
        static HitJson of(SearchHit h) {
            return new HitJson(h.kind(), h.reason(), h.snippet().text(), h.href());
        }
    }

    /** A paper ({@code paper_id}) or a list ({@code list_id}) and why it was found. */
    record ResultJson(Long paperId, Long listId, String title, Integer year, String href, List<HitJson> hits) {
        static ResultJson of(SearchResult r) {
            return new ResultJson(r.paperId(), r.listId(), r.title(), r.year(), r.href(),
                    r.hits().stream().map(HitJson::of).toList());
        }
    }

    record SearchJson(String q, List<ResultJson> items, int page, int perPage, int total, boolean capped,
                      List<String> ignored) {}

    public void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int page = PaperApi.number(ctx, "page", 1, Integer.MAX_VALUE / PaperApi.MAX_PER_PAGE, 1);
        int perPage = PaperApi.number(ctx, "per_page", 1, PaperApi.MAX_PER_PAGE, PaperApi.DEFAULT_PER_PAGE);
        SearchQuery query = SearchQuery.parse(q);
        SearchPage found = search.search(query, CurrentUser.of(ctx).id(), page, perPage);
        Api.send(ctx, new SearchJson(q, found.results().stream().map(ResultJson::of).toList(), found.page(),
                found.perPage(), found.total(), found.capped(), query.ignored()));
    }
}
