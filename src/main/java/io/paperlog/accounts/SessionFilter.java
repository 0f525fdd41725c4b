package io.paperlog.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperlog.web.Csrf;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Preferences;
import io.paperlog.web.Problem;
import io.paperlog.web.UserError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every request: finds the visitor's session, checks the CSRF token of anything that changes state,
 * sends an empty instance to its first-account page, and keeps everything but the public pages behind login.
 * Routes added later inherit all of it.
 */
public final class SessionFilter {

    static final String SESSION_ATTRIBUTE = "paperlog.session";
    /** Pages a visitor may see without an account. Static files and webjars are public too. */
    static final Set<String> PUBLIC_PAGES = Set.of("/login", "/login/forgot", "/setup", "/signup", "/healthz");
    static final Set<String> PUBLIC_PREFIXES = Set.of("/invite/", "/reset/", "/shared/", "/calendar/");
    private static final Set<String> ASSET_PREFIXES = Set.of("/static/", "/webjars/");

    private final SessionStore sessions;
    private final AccountStore accounts;
    private final SessionCookie cookies;

    public SessionFilter(SessionStore sessions, AccountStore accounts, SessionCookie cookies) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.cookies = cookies;
    }

    public static boolean isPublic(String path) {
        return PUBLIC_PAGES.contains(path) || isAsset(path)
                || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith) || path.equals("/favicon.ico");
    }

    static boolean isAsset(String path) {
        return ASSET_PREFIXES.stream().anyMatch(path::startsWith);
    }

    public static Optional<SessionStore.ActiveSession> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTRIBUTE));
    }

    public void handle(Context ctx) {
        String path = ctx.path();
        if (isAsset(path) || Problem.isApiPath(path)) {
            return; // the API knows no cookies: its token filter alone decides who asks
        }
        Optional<SessionStore.ActiveSession> session = resolve(ctx);
        String csrf = session.map(SessionStore.ActiveSession::csrfToken).orElseGet(() -> cookies.anonymousCsrf(ctx));
        Csrf.set(ctx, csrf);
        if (!Csrf.isSafeMethod(ctx.method().name())) {
            Csrf.verify(ctx, csrf);
        }
        if (path.equals("/healthz")) {
            return;
        }
        if (accounts.isEmpty()) {
            if (!path.equals("/setup")) {
                redirect(ctx, "/setup");
            }
            return;
        }
        if (session.isEmpty() && !isPublic(path)) {
            askToLogIn(ctx);
        }
    }

    /** The session the cookie names, if it is live: its person becomes the request's current user. */
    private Optional<SessionStore.ActiveSession> resolve(Context ctx) {
        Optional<SessionStore.ActiveSession> session = sessions.find(ctx.cookie(SessionCookie.SESSION));
        session.ifPresent(s -> {
            CurrentUser.set(ctx, s.user());
            AccountStore.Choices choices = accounts.choices(s.user().id());
            Preferences.set(ctx, choices.timeZone(), choices.shortcuts());
            ctx.attribute(SESSION_ATTRIBUTE, s);
            sessions.touch(s);
        });
        return session;
    }

    /** A page: to the login, and back here afterwards. Anything else: 401. */
    private static void askToLogIn(Context ctx) {
        if (!Csrf.isSafeMethod(ctx.method().name())) {
            throw UserError.unauthorized("Please log in first.");
        }
        String target = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        redirect(ctx, "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private static void redirect(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }
}
