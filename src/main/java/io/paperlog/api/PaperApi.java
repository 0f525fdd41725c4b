package io.paperlog.api;

import io.javalin.http.Context;
import io.paperlog.api.ApiJson.Paged;
import io.paperlog.api.ApiJson.PaperJson;
import io.paperlog.catalogue.CatalogueQuery;
import io.paperlog.catalogue.CatalogueStore;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Params;
import io.paperlog.web.UserError;
import java.util.List;

/** The catalogue: papers a page at a time, in the catalogue's orders and with its filters, and one paper. */
public final class PaperApi {

    static final int DEFAULT_PER_PAGE = 25;
    static final int MAX_PER_PAGE = 100;

    private final CatalogueStore catalogue;
    private final PaperStore papers;

    PaperApi(CatalogueStore catalogue, PaperStore papers) {
        this.catalogue = catalogue;
        this.papers = papers;
    }

    public void list(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        CatalogueQuery query = CatalogueQuery.read(ctx);
        int page = number(ctx, "page", 1, Integer.MAX_VALUE / MAX_PER_PAGE, 1);
        int perPage = number(ctx, "per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
        List<PaperJson> items = catalogue.papers(query, user.id(), (long) (page - 1) * perPage, perPage).stream()
                .map(PaperJson::of).toList();
        Api.send(ctx, new Paged<>(items, page, perPage, catalogue.count(query, user.id())));
    }

    public void show(Context ctx) {
        Api.send(ctx, PaperJson.of(papers.require(Params.pathId(ctx, "id", "Paper"))));
    }

    /** A whole-number query parameter from {@code least} to {@code most}; {@code absent} when it is not given. */
    static int number(Context ctx, String name, int least, int most, int absent) {
        String raw = Params.query(ctx, name);
        if (raw == null) {
            return absent;
        }
        if (!raw.matches("\\d{1,9}") || Integer.parseInt(raw) < least || Integer.parseInt(raw) > most) {
            throw UserError.badRequest(name + " is a whole number from " + least + " to " + most + ".");
        }
        return Integer.parseInt(raw);
    }
}
