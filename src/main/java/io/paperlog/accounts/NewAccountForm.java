package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** The fields of every form that makes an account: first account, sign-up, invite. */
record NewAccountForm(String username, String displayName, String password) {

    static NewAccountForm read(Context ctx) {
        Form form = Form.of(ctx);
        String username = AccountRules.normalizeUsername(form.text("username"));
        String displayName = form.trimmed("display_name");
        String password = form.text("password");
        AccountRules.usernameProblem(username).ifPresent(p -> form.problem("username", p));
        AccountRules.displayNameProblem(displayName).ifPresent(p -> form.problem("display_name", p));
        AccountRules.passwordProblem(password).ifPresent(p -> form.problem("password", p));
        if (!form.hasProblem("password") && !password.equals(form.text("confirm"))) {
            form.problem("confirm", "The two passwords differ.");
        }
        form.refuseIfInvalid();
        return new NewAccountForm(username, displayName, password);
    }
}
