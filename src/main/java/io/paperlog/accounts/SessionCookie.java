package io.paperlog.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.paperlog.web.Tokens;

/** The cookies that carry a visitor's session token and, before login, their CSRF token. */
public final class SessionCookie {

    public static final String SESSION = "paperlog_session";
    public static final String ANONYMOUS_CSRF = "paperlog_csrf";
    private static final int SESSION_MAX_AGE = (int) SessionStore.ABSOLUTE_LIMIT.toSeconds();

    private final boolean secure;

    public SessionCookie(boolean secure) {
        this.secure = secure;
    }

    public void setSession(Context ctx, String token) {
        ctx.cookie(new Cookie(SESSION, token, "/", SESSION_MAX_AGE, secure, true, null, SameSite.LAX));
    }

    public void clearSession(Context ctx) {
        ctx.cookie(new Cookie(SESSION, "", "/", 0, secure, true, null, SameSite.LAX));
    }

    /** The visitor's pre-login CSRF token, set as a browser-session cookie on first sight. */
    public String anonymousCsrf(Context ctx) {
        String existing = ctx.cookie(ANONYMOUS_CSRF);
        if (Tokens.looksLikeToken(existing)) {
            return existing;
        }
        String token = Tokens.newToken();
        ctx.cookie(new Cookie(ANONYMOUS_CSRF, token, "/", -1, secure, true, null, SameSite.LAX));
        return token;
    }
}
