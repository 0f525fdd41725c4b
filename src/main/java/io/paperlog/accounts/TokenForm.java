package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Text;
import io.paperlog.web.UserError;
import java.time.Duration;
import java.util.List;

/** A new token: a name to recognise it by, what it may do, and for how many days it works. */
public record TokenForm(String name, ApiToken.Scope scope, Duration validFor) {

    static final int MAX_NAME = 80;
    /** The lifetimes offered, in days. */
    public static final List<Integer> DAYS = List.of(7, 30, 90, 365);
    static final int DEFAULT_DAYS = 90;

    static TokenForm read(Context ctx) {
        Form form = Form.of(ctx);
        String name = form.trimmed("name").replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            form.problem("name", "Name the token after what will use it, like “Zotero sync”.");
        }
        form.atMost("name", name, MAX_NAME, "A token's name");
        ApiToken.Scope scope = ApiToken.Scope.of(Text.orDefault(form.trimmed("scope"), "read"))
                .orElseThrow(() -> UserError.badRequest("A token's scope is read or write."));
        String days = Text.orDefault(form.trimmed("days"), String.valueOf(DEFAULT_DAYS));
        if (!DAYS.stream().map(String::valueOf).toList().contains(days)) {
            throw UserError.badRequest("A token works for 7, 30, 90 or 365 days.");
        }
        form.refuseIfInvalid();
        return new TokenForm(name, scope, Duration.ofDays(Integer.parseInt(days)));
    }
}
