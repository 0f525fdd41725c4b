package io.paperlog.catalogue;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.paperlog.web.Form;
import io.paperlog.web.UserError;

/**
 * How tightly the catalogue is drawn: the normal view (excerpts, team counts) or the compact one (a line per paper,
 * to scan and mark many at once). The choice is kept in a cookie, so it needs no account setting and holds on this
 * browser only.
 */
enum Density {
    NORMAL, COMPACT;

    static final String COOKIE = "paperlog_view";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    static Density of(Context ctx) {
        return "compact".equals(ctx.cookie(COOKIE)) ? COMPACT : NORMAL;
    }

    /** The view a form asks for ({@code view=compact|normal}); anything else is a 400. */
    static Density read(Context ctx) {
        return switch (Form.of(ctx).trimmed("view")) {
            case "compact" -> COMPACT;
            case "normal" -> NORMAL;
            default -> throw UserError.badRequest("The catalogue's view is compact or normal.");
        };
    }

    void remember(Context ctx, boolean secure) {
        ctx.cookie(new Cookie(COOKIE, this == COMPACT ? "compact" : "normal", "/", ONE_YEAR, secure, true, null,
                SameSite.LAX));
    }

    public boolean compact() {
        return this == COMPACT;
    }
}
