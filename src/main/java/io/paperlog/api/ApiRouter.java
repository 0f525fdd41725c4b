package io.paperlog.api;

import io.javalin.http.Handler;
import io.paperlog.accounts.ApiToken;
import io.paperlog.db.Database;
import io.paperlog.web.Router;

/**
 * How the API's routes join the route table. Every handler runs with writes to the database refused unless it is a
 * writing route called with a write token: a GET never writes, and a read token reaches no write, whatever the
 * handler or the stores under it do, including routes added later. (The token filter refuses a read token's
 * non-GET requests before that, with a clearer word; this is the guarantee underneath.)
 */
public final class ApiRouter {

    static final String READ_ONLY = "This token may only read; changing anything needs a token with the write scope.";
    private static final String GET_READS = "A GET request only reads.";

    private final Router router;
    private final Database db;

    ApiRouter(Router router, Database db) {
        this.router = router;
        this.db = db;
    }

    public void get(String path, Handler handler) {
        router.get(path, ctx -> db.withoutWrites(GET_READS, () -> handler.handle(ctx)));
    }

    public void post(String path, Handler handler) {
        router.post(path, writing(handler));
    }

    public void put(String path, Handler handler) {
        router.put(path, writing(handler));
    }

    public void delete(String path, Handler handler) {
        router.delete(path, writing(handler));
    }

    private Handler writing(Handler handler) {
        return ctx -> {
            ApiToken.Caller caller = ApiAccess.caller(ctx);
            if (caller.mayWrite()) {
                handler.handle(ctx);
            } else {
                db.withoutWrites(READ_ONLY, () -> handler.handle(ctx));
            }
        };
    }
}
