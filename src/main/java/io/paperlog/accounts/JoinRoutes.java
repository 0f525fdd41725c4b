package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.Map;

/** Joining an instance: through an invite link, or through open sign-up when an admin has switched it on. */
public final class JoinRoutes {

    private final AccountStore accounts;
    private final InviteStore invites;
    private final Passwords passwords;
    private final SignIn signIn;
    private final Views views;

    JoinRoutes(AccountStore accounts, InviteStore invites, Passwords passwords, SignIn signIn, Views views) {
        this.accounts = accounts;
        this.invites = invites;
        this.passwords = passwords;
        this.signIn = signIn;
        this.views = views;
    }

    public void showSignup(Context ctx) {
        requireOpenSignup();
        views.render(ctx, "accounts/join", Map.of("page", NewAccountPage.of(ctx, "/signup", "Create your account")));
    }

    public void signup(Context ctx) {
        requireOpenSignup();
        NewAccountForm form = NewAccountForm.read(ctx);
        welcome(ctx, accounts.create(form.username(), form.displayName(), passwords.hash(form.password())));
    }

    public void showInvite(Context ctx) {
        String token = ctx.pathParam("token");
        invites.requireUsable(token);
        views.render(ctx, "accounts/join", Map.of("page", NewAccountPage.of(ctx, "/invite/" + token, "You're invited")));
    }

    public void acceptInvite(Context ctx) {
        String token = ctx.pathParam("token");
        invites.requireUsable(token);
        NewAccountForm form = NewAccountForm.read(ctx);
        welcome(ctx, invites.accept(token, form.username(), form.displayName(), passwords.hash(form.password())));
    }

    private void welcome(Context ctx, Account account) {
        signIn.start(ctx, account);
        SafeRedirect.to(ctx, "/", "Welcome to Paperlog, " + account.displayName() + ".");
    }

    private void requireOpenSignup() {
        if (!accounts.openSignup()) {
            throw UserError.notFound("Sign-up is closed on this Paperlog. Ask an admin for an invite link.");
        }
    }
}
