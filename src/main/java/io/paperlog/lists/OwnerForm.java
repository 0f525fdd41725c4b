package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** Who to hand a list to, by username. */
record OwnerForm(String username) {

    static OwnerForm read(Context ctx) {
        Form form = Form.of(ctx);
        String username = MemberForm.username(form, "owner", "Choose who will own the list.");
        form.refuseIfInvalid();
        return new OwnerForm(username);
    }
}
