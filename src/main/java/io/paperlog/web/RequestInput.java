package io.paperlog.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Runs before every request, ahead of the CSRF check that is the first to read a form: a body that cannot be read
 * as a form (a truncated multipart body, a multipart type without its boundary, an unknown charset) is a 400, not
 * an exception for every handler to stumble over.
 */
public final class RequestInput {

    static final String UNREADABLE = "The form could not be read. Please go back, reload the page and try again.";

    private RequestInput() {}

    public static void check(Context ctx) {
        if (Csrf.isSafeMethod(ctx.method().name())) {
            return;
        }
        try {
            ctx.formParamMap();
        } catch (Exception unreadable) {
            // the body may be only partly read: do not offer the connection for another request
            ctx.header("Connection", "close");
            throw new BadRequestResponse(UNREADABLE);
        }
    }
}
