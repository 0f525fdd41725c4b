package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import java.util.function.Predicate;

/**
 * A new password typed twice (reset link, my account): {@code password} and {@code confirm}; on my account also
 * the {@code current} one, which {@code isCurrent} checks.
 */
record PasswordForm(String password) {

    /** A new password, as a reset link sets it. */
    static PasswordForm read(Context ctx) {
        return read(ctx, null);
    }

    /** A new password and the current one, which must pass {@code isCurrent}. */
    static PasswordForm read(Context ctx, Predicate<String> isCurrent) {
        Form form = Form.of(ctx);
        if (isCurrent != null) {
            String current = form.text("current");
            if (current.length() > AccountRules.MAX_PASSWORD || !isCurrent.test(current)) {
                form.problem("current", "Your current password is not right.");
            }
        }
        String password = form.text("password");
        check(form, password, form.text("confirm"));
        form.refuseIfInvalid();
        return new PasswordForm(password);
    }

    static void check(Form form, String password, String confirm) {
        AccountRules.passwordProblem(password).ifPresent(p -> form.problem("password", p));
        if (!form.hasProblem("password") && !password.equals(confirm)) {
            form.problem("confirm", "The two passwords differ.");
        }
    }
}
