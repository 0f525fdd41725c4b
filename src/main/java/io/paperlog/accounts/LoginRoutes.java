package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The first account of a new instance, logging in and logging out. */
public final class LoginRoutes {

    private static final String WRONG = "That username and password don't match.";

    private final AccountStore accounts;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final SignIn signIn;
    private final Views views;

    LoginRoutes(AccountStore accounts, Passwords passwords, LoginThrottle throttle, SignIn signIn, Views views) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.signIn = signIn;
        this.views = views;
    }

    public void showSetup(Context ctx) {
        if (!accounts.isEmpty()) {
            SafeRedirect.to(ctx, "/login", null);
            return;
        }
        views.render(ctx, "accounts/setup", Map.of("page", NewAccountPage.of(ctx, "/setup", "Create the first account")));
    }

    public void setup(Context ctx) {
        Optional<Account> created = Optional.empty();
        if (accounts.isEmpty()) {
            NewAccountForm form = NewAccountForm.read(ctx);
            created = accounts.createFirst(form.username(), form.displayName(), passwords.hash(form.password()));
        }
        if (created.isEmpty()) {
            SafeRedirect.to(ctx, "/login", "Paperlog already has its first account; please log in.");
            return;
        }
        signIn.start(ctx, created.get());
        SafeRedirect.to(ctx, "/", "Welcome, " + created.get().displayName() + ". You are the admin of this Paperlog.");
    }

    /** What to do about a forgotten password: Paperlog sends no mail, so an admin issues a reset link. */
    public void showForgotPassword(Context ctx) {
        views.render(ctx, "accounts/forgot", Map.of("resetHours", ResetStore.LIFETIME.toHours()));
    }

    /** The login form; someone already signed in goes on, unless the form is shown again for a refused login. */
    public void showLogin(Context ctx) {
        String next = SafeRedirect.orHome(Form.kept(ctx, "next", ctx.queryParam("next")));
        if (CurrentUser.find(ctx).isPresent() && UserError.shownFor(ctx).isEmpty()) {
            SafeRedirect.to(ctx, next, null);
            return;
        }
        views.render(ctx, "accounts/login", Map.of(
                "username", AccountRules.normalizeUsername(Form.kept(ctx, "username", "")),
                "next", next,
                "openSignup", accounts.openSignup()));
    }

    /** A wrong password and an unknown username take the same time, so timing tells nothing about accounts. */
    public void login(Context ctx) {
        LoginForm form = LoginForm.read(ctx);
        refuseIfThrottled(ctx, form.username());
        Optional<Account> account = form.couldMatch() ? accounts.findByUsername(form.username()) : Optional.empty();
        boolean verified = account.isPresent()
                ? passwords.verify(form.password(), account.get().passwordHash())
                : passwords.verifyAgainstNobody(form.password());
        if (!verified || !account.get().active()) {
            throttle.recordFailure(form.username(), ctx.ip());
            throw UserError.unauthorized("password", verified
                    ? "This account has been deactivated. Please ask an admin." : WRONG);
        }
        throttle.recordSuccess(form.username());
        if (passwords.needsRehash(account.get().passwordHash())) {
            accounts.upgradeHash(account.get().id(), account.get().passwordHash(), passwords.hash(form.password()));
        }
        signIn.start(ctx, account.get());
        SafeRedirect.to(ctx, form.next(), null);
    }

    public void logout(Context ctx) {
        signIn.end(ctx);
        SafeRedirect.to(ctx, "/login", "You are logged out.");
    }

    private void refuseIfThrottled(Context ctx, String username) {
        Optional<Duration> wait = throttle.waitFor(username, ctx.ip());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            ctx.header("Retry-After", String.valueOf(seconds));
            long minutes = Math.max(1, (seconds + 59) / 60);
            throw UserError.tooManyAttempts("password", "Too many failed attempts, so logging in is paused for now."
                    + " Please wait " + (minutes == 1 ? "a minute" : minutes + " minutes") + " and try again.");
        }
    }
}
