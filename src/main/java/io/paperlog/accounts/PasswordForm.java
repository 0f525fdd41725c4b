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
        AccountRules.passwordProblem(password).ifPresent(p -> form.problem("password", p));
        if (!password.equals(form.text("confirm"))) {
            form.problem("password", isCurrent == null ? "The two passwords differ." : "The two new passwords differ.");
        }
        form.refuseIfInvalid();
        return new PasswordForm(password);
    }
}
