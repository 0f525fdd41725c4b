package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.SafeRedirect;

/** Username, password and where to go afterwards (a local path only). Whether they match is the login's job. */
record LoginForm(String username, String password, String next) {

    static LoginForm read(Context ctx) {
        Form form = Form.of(ctx);
        return new LoginForm(AccountRules.normalizeUsername(form.text("username")), form.text("password"),
                SafeRedirect.orHome(form.text("next")));
    }

    /** Only a password of an acceptable length and a username of an acceptable shape can belong to an account. */
    boolean couldMatch() {
        return password.length() <= AccountRules.MAX_PASSWORD && AccountRules.usernameProblem(username).isEmpty();
    }
}
