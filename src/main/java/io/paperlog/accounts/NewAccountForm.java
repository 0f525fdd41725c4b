package io.paperlog.accounts;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The fields of every form that makes an account: first account, sign-up, invite. */
record NewAccountForm(String username, String displayName, String password, String confirm) {

    static NewAccountForm read(Context ctx) {
        return new NewAccountForm(
                AccountRules.normalizeUsername(ctx.formParam("username")),
                Optional.ofNullable(ctx.formParam("display_name")).orElse("").strip(),
                Optional.ofNullable(ctx.formParam("password")).orElse(""),
                Optional.ofNullable(ctx.formParam("confirm")).orElse(""));
    }

    /** Each field's problem, keyed by field name; empty when the form is acceptable. */
    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        AccountRules.usernameProblem(username).ifPresent(p -> errors.put("username", p));
        AccountRules.displayNameProblem(displayName).ifPresent(p -> errors.put("display_name", p));
        AccountRules.passwordProblem(password).ifPresent(p -> errors.put("password", p));
        if (!errors.containsKey("password") && !password.equals(confirm)) {
            errors.put("confirm", "The two passwords differ.");
        }
        return errors;
    }
}
