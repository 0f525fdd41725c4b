package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Text;
import io.paperlog.web.UserError;

/** A list's name, its Markdown description and who may see it. */
public record ListForm(String name, String description, Visibility visibility) {

    public static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 5000;

    static ListForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    public static ListForm read(Form form) {
        String name = form.trimmed("name").replaceAll("\\s+", " ");
        String description = form.trimmed("description");
        Visibility visibility = Visibility.of(Text.orDefault(form.trimmed("visibility"), "private"))
                .orElseThrow(() -> UserError.badRequest("A list is private, shared with the team, or with members."));
        if (name.isEmpty()) {
            form.problem("name", "Please give the list a name.");
        }
        form.atMost("name", name, MAX_NAME, "A list's name");
        form.atMost("description", description, MAX_DESCRIPTION, "A description");
        form.refuseIfInvalid();
        return new ListForm(name, description, visibility);
    }
}
