package io.paperlog.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperlog.web.Flash;
import io.paperlog.web.RequestUser;
import io.paperlog.web.Views;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** First account, log in and out, sign-up, invites, password resets, and a person's own account page. */
public final class AccountRoutes {

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final InviteStore invites;
    private final ResetStore resets;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final SessionCookie cookies;
    private final Views views;
    private final Clock clock;

    public AccountRoutes(AccountStore accounts, SessionStore sessions, InviteStore invites, ResetStore resets,
                         Passwords passwords, LoginThrottle throttle, SessionCookie cookies, Views views, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.invites = invites;
        this.resets = resets;
        this.passwords = passwords;
        this.throttle = throttle;
        this.cookies = cookies;
        this.views = views;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok"));
        routes.get("/setup", this::showSetup);
        routes.post("/setup", this::setup);
        routes.get("/login", this::showLogin);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.get("/signup", this::showSignup);
        routes.post("/signup", this::signup);
        routes.get("/invite/{token}", this::showInvite);
        routes.post("/invite/{token}", this::acceptInvite);
        routes.get("/reset/{token}", this::showReset);
        routes.post("/reset/{token}", this::reset);
        routes.get("/account", this::showAccount);
        routes.post("/account/profile", this::updateProfile);
        routes.post("/account/password", this::changePassword);
        routes.post("/account/sessions/end-others", this::endOtherSessions);
    }

    // --- first account -------------------------------------------------------------------------------------

    void showSetup(Context ctx) {
        if (!accounts.isEmpty()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        views.render(ctx, "accounts/setup", Map.of("form", Map.of(), "errors", Map.of()));
    }

    void setup(Context ctx) {
        if (!accounts.isEmpty()) {
            Flash.set(ctx, "Paperlog already has its first account; please log in.");
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        NewAccountForm form = NewAccountForm.read(ctx);
        Map<String, String> errors = form.problems();
        if (!errors.isEmpty()) {
            rerender(ctx, "accounts/setup", form, errors, Map.of());
            return;
        }
        Optional<Account> created = accounts.createFirst(form.username(), form.displayName(),
                passwords.hash(form.password()), clock.instant());
        if (created.isEmpty()) {
            Flash.set(ctx, "Paperlog already has its first account; please log in.");
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        startSession(ctx, created.get());
        Flash.set(ctx, "Welcome, " + created.get().displayName() + ". You are the admin of this Paperlog.");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    // --- log in and out --------------------------------------------------------------------------------------

    void showLogin(Context ctx) {
        String next = LocalRedirect.orHome(ctx.queryParam("next"));
        if (RequestUser.find(ctx).isPresent()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        views.render(ctx, "accounts/login", loginModel("", next, null));
    }

    void login(Context ctx) {
        String username = AccountRules.normalizeUsername(ctx.formParam("username"));
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = LocalRedirect.orHome(ctx.formParam("next"));
        String address = ctx.ip();

        Optional<Duration> wait = throttle.waitFor(username, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            ctx.header("Retry-After", String.valueOf(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            views.render(ctx, "accounts/login", loginModel(username, next,
                    "Too many failed attempts. Please wait " + Math.max(1, (seconds + 59) / 60)
                            + " minute(s) and try again."));
            return;
        }
        Optional<Account> account = password.length() > AccountRules.MAX_PASSWORD
                ? Optional.empty()
                : accounts.findByUsername(username);
        boolean verified;
        if (account.isPresent()) {
            verified = passwords.verify(password, account.get().passwordHash());
        } else {
            passwords.verifyAgainstNobody(password);
            verified = false;
        }
        if (!verified || !account.get().active()) {
            throttle.recordFailure(username, address);
            ctx.status(HttpStatus.UNAUTHORIZED);
            String message = verified ? "This account has been deactivated. Please ask an admin."
                    : "That username and password don't match.";
            views.render(ctx, "accounts/login", loginModel(username, next, message));
            return;
        }
        Account user = account.get();
        throttle.recordSuccess(username);
        if (passwords.needsRehash(user.passwordHash())) {
            accounts.upgradeHash(user.id(), user.passwordHash(), passwords.hash(password));
        }
        SessionFilter.session(ctx).ifPresent(old -> sessions.delete(old.tokenHash()));
        startSession(ctx, user);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        SessionFilter.session(ctx).ifPresent(s -> sessions.delete(s.tokenHash()));
        cookies.clearSession(ctx);
        Flash.set(ctx, "You are logged out.");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> loginModel(String username, String next, String error) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("username", username);
        model.put("next", next);
        model.put("error", error);
        model.put("openSignup", accounts.openSignup());
        return model;
    }

    private void startSession(Context ctx, Account account) {
        cookies.setSession(ctx, sessions.create(account.id(), clock.instant()));
    }

    // --- sign-up and invites ---------------------------------------------------------------------------------

    void showSignup(Context ctx) {
        requireOpenSignup();
        views.render(ctx, "accounts/join", joinModel(Map.of(), Map.of(), "/signup", "Create your account"));
    }

    void signup(Context ctx) {
        requireOpenSignup();
        NewAccountForm form = NewAccountForm.read(ctx);
        Map<String, String> errors = form.problems();
        if (errors.isEmpty()) {
            try {
                Account account = accounts.create(form.username(), form.displayName(), passwords.hash(form.password()),
                        clock.instant());
                welcome(ctx, account);
                return;
            } catch (AccountProblem taken) {
                errors = Map.of("username", taken.getMessage());
            }
        }
        rerender(ctx, "accounts/join", form, errors, Map.of("action", "/signup", "heading", "Create your account"));
    }

    void showInvite(Context ctx) {
        String token = ctx.pathParam("token");
        if (!invites.isUsable(token, clock.instant())) {
            throw new NotFoundResponse("This invite link is no longer valid. Please ask an admin for a new one.");
        }
        views.render(ctx, "accounts/join", joinModel(Map.of(), Map.of(), "/invite/" + token, "You're invited"));
    }

    void acceptInvite(Context ctx) {
        String token = ctx.pathParam("token");
        if (!invites.isUsable(token, clock.instant())) {
            throw new NotFoundResponse("This invite link is no longer valid. Please ask an admin for a new one.");
        }
        NewAccountForm form = NewAccountForm.read(ctx);
        Map<String, String> errors = form.problems();
        if (errors.isEmpty()) {
            try {
                Account account = invites.accept(token, form.username(), form.displayName(),
                        passwords.hash(form.password()), clock.instant());
                welcome(ctx, account);
                return;
            } catch (AccountProblem problem) {
                if (problem.getMessage().contains("invite")) {
                    throw new NotFoundResponse(problem.getMessage());
                }
                errors = Map.of("username", problem.getMessage());
            }
        }
        rerender(ctx, "accounts/join", form, errors, Map.of("action", "/invite/" + token, "heading", "You're invited"));
    }

    private void welcome(Context ctx, Account account) {
        SessionFilter.session(ctx).ifPresent(old -> sessions.delete(old.tokenHash()));
        startSession(ctx, account);
        Flash.set(ctx, "Welcome to Paperlog, " + account.displayName() + ".");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void requireOpenSignup() {
        if (!accounts.openSignup()) {
            throw new NotFoundResponse("Sign-up is closed on this Paperlog. Ask an admin for an invite link.");
        }
    }

    private static Map<String, Object> joinModel(Map<String, String> form, Map<String, String> errors, String action,
                                                 String heading) {
        return Map.of("form", form, "errors", errors, "action", action, "heading", heading);
    }

    // --- password reset --------------------------------------------------------------------------------------

    void showReset(Context ctx) {
        String username = resets.usernameFor(ctx.pathParam("token"), clock.instant())
                .orElseThrow(() -> new NotFoundResponse("This reset link is no longer valid. Please ask an admin for a new one."));
        views.render(ctx, "accounts/reset", Map.of("username", username, "action", "/reset/" + ctx.pathParam("token"),
                "errors", Map.of()));
    }

    void reset(Context ctx) {
        String token = ctx.pathParam("token");
        String username = resets.usernameFor(token, clock.instant())
                .orElseThrow(() -> new NotFoundResponse("This reset link is no longer valid. Please ask an admin for a new one."));
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Optional<String> problem = AccountRules.passwordProblem(password)
                .or(() -> password.equals(ctx.formParam("confirm")) ? Optional.empty()
                        : Optional.of("The two passwords differ."));
        if (problem.isPresent()) {
            ctx.status(422);
            views.render(ctx, "accounts/reset", Map.of("username", username, "action", "/reset/" + token,
                    "errors", Map.of("password", problem.get())));
            return;
        }
        resets.use(token, passwords.hash(password), clock.instant());
        Flash.set(ctx, "Your password is set. Please log in with it.");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    // --- my account ------------------------------------------------------------------------------------------

    void showAccount(Context ctx) {
        renderAccount(ctx, Map.of(), null);
    }

    void updateProfile(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        String displayName = Optional.ofNullable(ctx.formParam("display_name")).orElse("");
        Optional<String> problem = AccountRules.displayNameProblem(displayName);
        if (problem.isPresent()) {
            ctx.status(422);
            renderAccount(ctx, Map.of("display_name", problem.get()), displayName);
            return;
        }
        accounts.setDisplayName(user.id(), displayName);
        Flash.set(ctx, "Your display name is saved.");
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    void changePassword(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        SessionStore.ActiveSession session = SessionFilter.session(ctx).orElseThrow();
        String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Account account = accounts.find(user.id()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        if (current.length() > AccountRules.MAX_PASSWORD || !passwords.verify(current, account.passwordHash())) {
            errors.put("current", "Your current password is not right.");
        }
        AccountRules.passwordProblem(password).ifPresent(p -> errors.put("password", p));
        if (!password.equals(ctx.formParam("confirm"))) {
            errors.putIfAbsent("password", "The two new passwords differ.");
        }
        if (!errors.isEmpty()) {
            ctx.status(422);
            renderAccount(ctx, errors, null);
            return;
        }
        accounts.setPasswordHash(user.id(), passwords.hash(password), clock.instant());
        int ended = sessions.deleteOthers(user.id(), session.tokenHash());
        Flash.set(ctx, "Your password is changed" + (ended > 0 ? "; your other sessions are signed out." : "."));
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    void endOtherSessions(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        SessionStore.ActiveSession session = SessionFilter.session(ctx).orElseThrow();
        int ended = sessions.deleteOthers(user.id(), session.tokenHash());
        Flash.set(ctx, ended == 1 ? "1 other session is signed out." : ended + " other sessions are signed out.");
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    private void renderAccount(Context ctx, Map<String, String> errors, String typedDisplayName) {
        CurrentUser user = RequestUser.require(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("account", user);
        model.put("displayName", typedDisplayName == null ? user.displayName() : typedDisplayName);
        model.put("otherSessions", sessions.countFor(user.id()) - 1);
        model.put("errors", errors);
        views.render(ctx, "accounts/account", model);
    }

    private void rerender(Context ctx, String template, NewAccountForm form, Map<String, String> errors,
                          Map<String, Object> extra) {
        ctx.status(422);
        Map<String, Object> model = new LinkedHashMap<>(extra);
        model.put("form", Map.of("username", form.username(), "display_name", form.displayName()));
        model.put("errors", errors);
        views.render(ctx, template, model);
    }
}
