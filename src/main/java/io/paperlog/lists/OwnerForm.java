package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import java.util.Locale;

/** Who to hand a list to, by username. */
record OwnerForm(String username) {

    static OwnerForm read(Context ctx) {
        Form form = Form.of(ctx);
        String username = form.trimmed("owner").toLowerCase(Locale.ROOT);
        if (username.isEmpty() || username.length() > 32) {
            form.problem("owner", "Choose who will own the list.");
        }
        form.refuseIfInvalid();
        return new OwnerForm(username);
    }
}
