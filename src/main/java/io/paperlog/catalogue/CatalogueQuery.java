package io.paperlog.catalogue;

import io.javalin.http.Context;
import io.paperlog.tags.TagFilter;
import io.paperlog.tracking.Status;
import io.paperlog.web.Pager;
import io.paperlog.web.Params;
import io.paperlog.web.UserError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the catalogue shows: its order, its filters (my status {@code ?status=}, rated or not {@code ?rated=yes|no},
 * a year range {@code ?year_from=&year_to=}; null shows everything), the list each row offers to add its paper to
 * ({@code ?add_to=}), my tags ({@code ?tag=a&tag=b&tags_mode=any|all|none}, and {@code unread_by_team=1}) and the page. A new filter is a field here, a line in {@link #read}, an entry in
 * {@link #params} and a condition in {@link CatalogueStore}; every link the page draws keeps it through
 * {@link #href}.
 */
public record CatalogueQuery(CatalogueSort sort, Status status, Boolean rated, Integer yearFrom, Integer yearTo,
                             Long addTo, int page, TagFilter tags) {

    public static final CatalogueQuery ALL = new CatalogueQuery(CatalogueSort.CITATIONS, null, null, null, null, null, 1,
            TagFilter.NONE);

    static final int FIRST_YEAR = 1000;
    static final int LAST_YEAR = 2999;

    public static CatalogueQuery read(Context ctx) {
        CatalogueSort sort = CatalogueSort.fromParam(ctx.queryParam("sort")).orElseThrow(() ->
                UserError.badRequest("Papers can be sorted by " + Arrays.stream(CatalogueSort.values())
                        .map(CatalogueSort::getSlug).collect(Collectors.joining(", ")) + "."));
        String statusRaw = Params.query(ctx, "status");
        Status status = statusRaw == null ? null : Status.fromSlug(statusRaw)
                .orElseThrow(() -> UserError.badRequest(Status.RULE));
        String ratedRaw = Params.query(ctx, "rated");
        if (ratedRaw != null && !ratedRaw.equals("yes") && !ratedRaw.equals("no")) {
            throw UserError.badRequest("Filter by rating with rated=yes or rated=no.");
        }
        Integer from = year(Params.query(ctx, "year_from"), "year_from");
        Integer to = year(Params.query(ctx, "year_to"), "year_to");
        if (from != null && to != null && from > to) {
            throw UserError.badRequest("year_from (" + from + ") comes after year_to (" + to + "): swap them.");
        }
        String addTo = Params.query(ctx, "add_to");
        return new CatalogueQuery(sort, status, ratedRaw == null ? null : ratedRaw.equals("yes"), from, to,
                addTo == null ? null : Params.id(addTo, "List"), Pager.requested(ctx), TagFilter.read(ctx));
    }

    private static Integer year(String raw, String name) {
        if (raw == null) {
            return null;
        }
        if (raw.length() != 4 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(raw) < FIRST_YEAR || Integer.parseInt(raw) > LAST_YEAR) {
            throw UserError.badRequest(name + " is a year with four digits, like 2021.");
        }
        return Integer.parseInt(raw);
    }

    /** The query's parameters as a link keeps them (the default sort and page 1 left out), in a stable order. */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (sort != CatalogueSort.CITATIONS) {
            params.put("sort", sort.getSlug());
        }
        params.put("status", status == null ? null : status.getSlug());
        params.put("rated", ratedFilter().isEmpty() ? null : ratedFilter());
        params.put("year_from", yearFrom == null ? null : yearFrom.toString());
        params.put("year_to", yearTo == null ? null : yearTo.toString());
        params.put("add_to", addTo == null ? null : addTo.toString());
        return params;
    }

    /** The catalogue's address with {@code name} set to {@code value} (removed when null or ""), on page 1. */
    public String href(String name, String value) {
        return href(Map.of(name, value == null ? "" : value));
    }

    /** The catalogue's address with two parameters changed, on page 1. */
    public String href(String name, String value, String otherName, String otherValue) {
        return href(Map.of(name, value == null ? "" : value, otherName, otherValue == null ? "" : otherValue));
    }

    /** The address of this query itself (page included), as a form's way back. */
    public String self() {
        String base = address(params());
        return page == 1 ? base : base + (base.equals("/") ? "?" : "&") + "page=" + page;
    }

    /** The address pages are appended to: "/?sort=title&" or "/?". */
    public String pageHref() {
        String base = address(params());
        return base.equals("/") ? "/?" : base + "&";
    }

    private String href(Map<String, String> changes) {
        Map<String, String> params = params();
        changes.forEach((name, value) -> params.put(name, value.isEmpty() ? null : value));
        if ("citations".equals(params.get("sort"))) {
            params.remove("sort");
        }
        return address(params);
    }

    /** The address of these parameters, my tag filter's ({@code tag} repeats, so it is not one of them) after them. */
    private String address(Map<String, String> params) {
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String tagged = tags.query().isEmpty() ? query : query.isEmpty() ? tags.query().substring(1) : query + tags.query();
        return tagged.isEmpty() ? "/" : "/?" + tagged;
    }

    /** The filters alone (no order, page or list), as the key of their count. */
    String countKey() {
        return statusFilter() + "|" + ratedFilter() + "|" + yearFrom + "|" + yearTo + "|" + tags.query();
    }

    public String statusFilter() {
        return status == null ? "" : status.getSlug();
    }

    public String ratedFilter() {
        return rated == null ? "" : rated ? "yes" : "no";
    }

    /** Whether my status or rating filters the page (the "Show" pills). */
    public boolean filtered() {
        return status != null || rated != null;
    }

    public boolean yearsFiltered() {
        return yearFrom != null || yearTo != null;
    }
}
