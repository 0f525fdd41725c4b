package io.paperlog.accounts;

import io.paperlog.db.Database;
import io.paperlog.web.Views;
import java.time.Clock;

/** The accounts feature, built once at wiring: its stores, the session filter and its route classes. */
public final class Accounts {

    public final AccountStore store;
    public final SessionStore sessions;
    public final InviteStore invites;
    public final ResetStore resets;
    public final SessionFilter filter;
    public final LoginRoutes login;
    public final JoinRoutes join;
    public final ResetRoutes reset;
    public final MyAccountRoutes myAccount;
    public final TokenStore tokens;
    public final TokenRoutes tokenRoutes;

    public Accounts(Database db, Clock clock, boolean secureCookies, Views views) {
        store = new AccountStore(db, clock);
        sessions = new SessionStore(db, clock);
        invites = new InviteStore(db, clock);
        resets = new ResetStore(db, clock);
        SessionCookie cookies = new SessionCookie(secureCookies);
        filter = new SessionFilter(sessions, store, cookies);
        Passwords passwords = new Passwords();
        SignIn signIn = new SignIn(sessions, cookies);
        login = new LoginRoutes(store, passwords, new LoginThrottle(clock), signIn, views);
        join = new JoinRoutes(store, invites, passwords, signIn, views);
        reset = new ResetRoutes(resets, passwords, views);
        myAccount = new MyAccountRoutes(store, sessions, passwords, views);
        tokens = new TokenStore(db, clock);
        tokenRoutes = new TokenRoutes(tokens, views);
    }
}
