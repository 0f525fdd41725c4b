package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.Map;

/** The one-time link an admin gives a person who lost their password: choosing a new one. */
public final class ResetRoutes {

    private final ResetStore resets;
    private final Passwords passwords;
    private final Views views;

    ResetRoutes(ResetStore resets, Passwords passwords, Views views) {
        this.resets = resets;
        this.passwords = passwords;
        this.views = views;
    }

    public void show(Context ctx) {
        String token = ctx.pathParam("token");
        views.render(ctx, "accounts/reset", Map.of("username", resets.usernameFor(token), "action", "/reset/" + token));
    }

    public void reset(Context ctx) {
        String token = ctx.pathParam("token");
        resets.requireUsable(token);
        resets.use(token, passwords.hash(PasswordForm.read(ctx).password()));
        SafeRedirect.to(ctx, "/login", "Your password is set. Please log in with it.");
    }
}
