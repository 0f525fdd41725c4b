package io.paperlog.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Runs before every request, ahead of the CSRF check that is the first to read a form: a body that cannot be read
 * as a form (a truncated multipart body, a multipart type without its boundary, an unknown charset) is a 400, not
 * an exception for every handler to stumble over. No text Paperlog keeps contains U+0000: SQLite's string functions
 * stop at it, so the schema's length checks would fail (a 500) or be fooled; any query or form value carrying one
 * is a 400 before anything is stored.
 */
public final class RequestInput {

    static final String NUL = "Text cannot contain a NUL character (U+0000).";
    static final String UNREADABLE = "The form could not be read. Please go back, reload the page and try again.";

    private RequestInput() {}

    public static void check(Context ctx) {
        refuseNul(ctx.queryParamMap());
        if (Csrf.isSafeMethod(ctx.method().name())) {
            return;
        }
        Map<String, List<String>> form;
        try {
            form = ctx.formParamMap();
        } catch (Exception unreadable) {
            // the body may be only partly read: do not offer the connection for another request
            ctx.header("Connection", "close");
            throw new BadRequestResponse(UNREADABLE);
        }
        refuseNul(form);
    }

    private static void refuseNul(Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (param.getKey().indexOf('\u0000') >= 0
                    || param.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                throw new BadRequestResponse(NUL);
            }
        }
    }
}
