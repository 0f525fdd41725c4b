package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** A page with the new-account form (first account, sign-up, invite): where it posts, and what it holds. */
public record NewAccountPage(String action, String heading, String username, String displayName) {

    static NewAccountPage of(Context ctx, String action, String heading) {
        return new NewAccountPage(action, heading, Form.kept(ctx, "username", ""), Form.kept(ctx, "display_name", ""));
    }
}
