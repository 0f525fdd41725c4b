package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** My account's display name. */
record ProfileForm(String displayName) {

    static ProfileForm read(Context ctx) {
        Form form = Form.of(ctx);
        String displayName = form.trimmed("display_name");
        AccountRules.displayNameProblem(displayName).ifPresent(p -> form.problem("display_name", p));
        form.refuseIfInvalid();
        return new ProfileForm(displayName);
    }
}
