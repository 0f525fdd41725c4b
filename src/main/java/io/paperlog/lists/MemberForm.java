package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.UserError;
import java.util.Locale;

/** Someone to add to a list (or whose role to change), by username, and their role. */
record MemberForm(String username, Role role) {

    /** Accounts have usernames of 3 to 32 characters. */
    static final int MAX_USERNAME = 32;

    static MemberForm read(Context ctx) {
        Form form = Form.of(ctx);
        Role role = Role.ofMember(form.trimmed("role"))
                .orElseThrow(() -> UserError.badRequest("A member is a viewer or an editor."));
        String username = username(form, "username", "Choose who to add.");
        form.refuseIfInvalid();
        return new MemberForm(username, role);
    }

    /**
     * The username a list form names someone by (a member, an owner, a presenter), in lower case; a problem
     * saying {@code choose} when there is none, or none that could be a username.
     */
    static String username(Form form, String field, String choose) {
        String username = form.trimmed(field).toLowerCase(Locale.ROOT);
        if (username.isEmpty() || username.length() > MAX_USERNAME) {
            form.problem(field, choose);
        }
        return username;
    }
}
