package io.paperlog.web;

import io.javalin.http.Context;

/**
 * Cross-site request forgery protection. Every request that changes something must carry the token of the
 * visitor's session (or, before login, of a cookie) in a {@code _csrf} form field or an {@code X-CSRF-Token}
 * header; it is compared in constant time.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "paperlog.csrf";

    private Csrf() {}

    public static void set(Context ctx, String token) {
        ctx.attribute(ATTRIBUTE, token);
    }

    public static String token(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    public static boolean isSafeMethod(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** Refuses with 403 unless the request carries {@code expected}. */
    public static void verify(Context ctx, String expected) {
        String given = ctx.header(HEADER);
        if (given == null || given.isEmpty()) {
            given = ctx.formParam(FIELD);
        }
        if (!Tokens.sameSecret(expected, given)) {
            throw UserError.forbidden("This form has expired or did not come from Paperlog. "
                    + "Please go back, reload the page and try again.");
        }
    }
}
