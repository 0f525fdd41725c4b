package io.paperlog.api;

import io.javalin.http.Context;
import io.paperlog.accounts.TokenStore;
import io.paperlog.annotations.AnnotationStore;
import io.paperlog.catalogue.CatalogueStore;
import io.paperlog.db.Database;
import io.paperlog.lists.ItemStore;
import io.paperlog.lists.ListStore;
import io.paperlog.papers.PaperStore;
import io.paperlog.search.SearchStore;
import io.paperlog.tracking.NoteStore;
import io.paperlog.tracking.TrackingStore;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.Json;
import io.paperlog.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The token API at {@code /api/v1}: JSON over the same stores as the pages, for the person whose token asks. Its
 * routes are in the route table ({@code Routes}), registered through {@link #router}; its OpenAPI 3.1 document is
 * served at {@code /api/openapi.json}.
 */
public final class Api {

    static final String JSON = "application/json; charset=utf-8";

    /** What the API reads and writes through: the stores the pages use. */
    public record Stores(PaperStore papers, CatalogueStore catalogue, TrackingStore marks, NoteStore notes,
                         AnnotationStore annotations, ListStore lists, ItemStore items, TokenStore tokens,
                         SearchStore search) {}

    private final Database db;
    private final ApiAccess access;
    public final PaperApi papers;
    public final ReadingApi reading;
    public final AnnotationApi annotations;
    public final ListApi lists;
    public final SearchApi search;
    private final String document;

    public Api(Database db, Clock clock, BaseUrl baseUrl, Stores stores) {
        this.db = db;
        this.access = new ApiAccess(stores.tokens(), new RateLimit(clock));
        this.papers = new PaperApi(stores.catalogue(), stores.papers());
        this.reading = new ReadingApi(stores.marks(), stores.notes(), stores.papers());
        this.annotations = new AnnotationApi(stores.annotations(), stores.papers(), baseUrl);
        this.lists = new ListApi(stores.lists(), stores.items());
        this.search = new SearchApi(stores.search());
        this.document = load("/api/openapi.json");
    }

    /** The filter every request passes after the session filter: it answers for {@code /api/} alone. */
    public void filter(Context ctx) {
        access.handle(ctx);
    }

    /** How the route table adds the API's routes: each runs with the writes its token may make, and no others. */
    public ApiRouter router(Router router) {
        return new ApiRouter(router, db);
    }

    /** The OpenAPI 3.1 document that describes every route below /api. */
    public void document(Context ctx) {
        ctx.contentType(JSON).result(document);
    }

    /** Who the token speaks for. */
    public void me(Context ctx) {
        var caller = ApiAccess.caller(ctx);
        send(ctx, new ApiJson.MeJson(caller.user().id(), caller.user().username(), caller.user().displayName(),
                caller.user().admin(), caller.scope().slug()));
    }

    static void send(Context ctx, Object body) {
        ctx.contentType(JSON).result(Json.write(body));
    }

    private static String load(String resource) {
        try (InputStream in = Api.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
