package io.paperlog.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The person a request is made by, as every feature sees them. The session filter finds them once per request and
 * leaves them on the context; routes behind the login wall can rely on there being one.
 */
public record CurrentUser(long id, String username, String displayName, boolean admin) {

    private static final String ATTRIBUTE = "paperlog.user";

    public static void set(Context ctx, CurrentUser user) {
        ctx.attribute(ATTRIBUTE, user);
    }

    public static Optional<CurrentUser> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The signed-in person; a 401 when there is none (only a route outside the login wall can meet that). */
    public static CurrentUser of(Context ctx) {
        return find(ctx).orElseThrow(() -> UserError.unauthorized("Please log in."));
    }

    /** The signed-in person if they are an admin; a 403 for anyone else. */
    public static CurrentUser admin(Context ctx) {
        CurrentUser user = of(ctx);
        if (!user.admin()) {
            throw UserError.forbidden("Only admins can open the admin page.");
        }
        return user;
    }
}
