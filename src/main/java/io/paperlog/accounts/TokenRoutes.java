package io.paperlog.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.HashMap;
import java.util.Map;

/** My API tokens: making one (its secret shown once, in the answer that made it), listing them, revoking one. */
public final class TokenRoutes {

    private final TokenStore tokens;
    private final Views views;

    TokenRoutes(TokenStore tokens, Views views) {
        this.tokens = tokens;
        this.views = views;
    }

    public void show(Context ctx) {
        render(ctx, null);
    }

    public void create(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        TokenStore.Created created = tokens.create(user.id(), TokenForm.read(ctx));
        ctx.status(HttpStatus.CREATED);
        render(ctx, created);
    }

    public void revoke(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        boolean revoked = tokens.revoke(user.id(), Params.pathId(ctx, "id", "Token"));
        SafeRedirect.to(ctx, "/account/tokens", revoked ? "The token is revoked; it no longer works."
                : "That token was already revoked.");
    }

    private void render(Context ctx, TokenStore.Created created) {
        CurrentUser user = CurrentUser.of(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", tokens.list(user.id()));
        model.put("created", created);
        model.put("name", created == null ? Form.kept(ctx, "name", "") : "");
        model.put("scope", created == null ? Form.kept(ctx, "scope", "read") : "read");
        model.put("days", created == null ? Form.kept(ctx, "days", "90") : "90");
        model.put("lifetimes", TokenForm.DAYS);
        views.render(ctx, "accounts/tokens", model);
    }
}
