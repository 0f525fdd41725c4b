package io.paperlog.catalogue;

import io.javalin.http.Context;
import io.paperlog.tracking.Status;
import io.paperlog.web.Params;
import io.paperlog.web.UserError;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the catalogue shows: its order, and optionally only the papers of one of my statuses ({@code ?status=}) or
 * only those I rated or did not ({@code ?rated=yes|no}); null filters show everything. {@code addTo}
 * ({@code ?add_to=}) is the list each row offers to add its paper to, if any.
 */
public record CatalogueQuery(CatalogueSort sort, Status status, Boolean rated, Long addTo) {

    public static final CatalogueQuery ALL = new CatalogueQuery(CatalogueSort.RANK, null, null, null);

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
        String addTo = Params.query(ctx, "add_to");
        return new CatalogueQuery(sort, status, ratedRaw == null ? null : ratedRaw.equals("yes"),
                addTo == null ? null : Params.id(addTo, "List"));
    }

    public String statusFilter() {
        return status == null ? "" : status.getSlug();
    }

    public String ratedFilter() {
        return rated == null ? "" : rated ? "yes" : "no";
    }

    public boolean filtered() {
        return status != null || rated != null;
    }

    /** The filters (and the list being added to) as they continue a query string ({@code &status=read}). */
    public String filterQuery() {
        return (status == null ? "" : "&status=" + status.getSlug()) + (rated == null ? "" : "&rated=" + ratedFilter())
                + addToQuery();
    }

    /** {@code &add_to=7}, or nothing. */
    public String addToQuery() {
        return addTo == null ? "" : "&add_to=" + addTo;
    }
}
