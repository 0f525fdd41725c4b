package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.web.UserError;

/** Whether a team annotation's discussion is resolved ({@code resolved=true}, the default) or open again. */
record ResolveForm(boolean resolved) {

    static ResolveForm read(Context ctx) {
        String raw = ctx.formParam("resolved");
        if (raw == null) {
            return new ResolveForm(true);
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw UserError.badRequest("resolved is true or false.");
        }
        return new ResolveForm(raw.equals("true"));
    }
}
