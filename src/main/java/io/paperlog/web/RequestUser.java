package io.paperlog.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.paperlog.accounts.CurrentUser;
import java.util.Optional;

/** Where the authentication filter leaves the logged-in person for the rest of the request. */
public final class RequestUser {

    static final String ATTRIBUTE = "paperlog.user";

    private RequestUser() {}

    public static void set(Context ctx, CurrentUser user) {
        ctx.attribute(ATTRIBUTE, user);
    }

    public static Optional<CurrentUser> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The logged-in person; routes behind the login filter can rely on there being one. */
    public static CurrentUser require(Context ctx) {
        return find(ctx).orElseThrow(() -> new UnauthorizedResponse("Please log in."));
    }
}
