package io.paperlog.accounts;

import io.javalin.http.Context;
import java.util.Optional;

/** Starting and ending the session of the browser a request comes from. */
final class SignIn {

    private final SessionStore sessions;
    private final SessionCookie cookies;

    SignIn(SessionStore sessions, SessionCookie cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /** Signs this browser in as {@code account} with a new token; a session it had before ends. */
    void start(Context ctx, Account account) {
        end(ctx);
        cookies.setSession(ctx, sessions.create(account.id()));
    }

    /** Ends this browser's session, if it has one, and clears its cookie. */
    void end(Context ctx) {
        current(ctx).ifPresent(s -> sessions.delete(s.tokenHash()));
        cookies.clearSession(ctx);
    }

    static Optional<SessionStore.ActiveSession> current(Context ctx) {
        return SessionFilter.session(ctx);
    }
}
