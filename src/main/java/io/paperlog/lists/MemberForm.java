package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.UserError;
import java.util.Locale;

/** Someone to add to a list (or whose role to change), by username, and their role. */
record MemberForm(String username, Role role) {

    static MemberForm read(Context ctx) {
        Form form = Form.of(ctx);
        String username = form.trimmed("username").toLowerCase(Locale.ROOT);
        Role role = Role.ofMember(form.trimmed("role"))
                .orElseThrow(() -> UserError.badRequest("A member is a viewer or an editor."));
        if (username.isEmpty() || username.length() > 32) {
            form.problem("username", "Choose who to add.");
        }
        form.refuseIfInvalid();
        return new MemberForm(username, role);
    }
}
