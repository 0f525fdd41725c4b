package io.paperlog.admin;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** The admin page's sign-up setting: whether anyone who can reach this Paperlog may make an account. */
record SignupForm(boolean open) {

    static SignupForm read(Context ctx) {
        return new SignupForm(Form.of(ctx).checkbox("open_signup"));
    }
}
