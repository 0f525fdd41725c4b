package io.paperlog.saved;

import io.javalin.http.Context;
import io.paperlog.lists.ListForm;
import io.paperlog.web.Form;
import io.paperlog.web.Text;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A saved view's name: trimmed, inner white space made single, 1–60 characters, no control characters. */
record SavedFilterForm(String name) {

    static final int MAX_NAME = 60;

    /**
     * What is saved: the page ({@code target}) and its query string ({@code query}, as the page was when its
     * "Save this view" form was drawn), or, for a search typed on the saved views page, the words in {@code q}.
     */
    static SavedQuery query(Context ctx) {
        String target = Text.orDefault(ctx.formParam("target"), "");
        String typed = ctx.formParam("q");
        return SavedQuery.parse(target, target.equals("search") && typed != null
                ? "q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8) : ctx.formParam("query"));
    }

    static SavedFilterForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    static SavedFilterForm read(Form form) {
        String name = form.trimmed("name").replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            form.problem("name", "Please give the view a name.");
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            form.problem("name", "A name is plain text, without control characters.");
        }
        form.atMost("name", name, MAX_NAME, "A view's name");
        form.refuseIfInvalid();
        return new SavedFilterForm(name);
    }

    /**
     * The list a view becomes: its name typed in {@code list_name} (checked here, so that a refusal is said beside
     * that field) and who may see it. No description: what the view filters by (my tags) is mine, the list may
     * be the team's.
     */
    static ListForm list(Context ctx) {
        Form typed = Form.of(ctx);
        String name = typed.trimmed("list_name").replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            typed.problem("list_name", "Please give the list a name.");
        }
        typed.atMost("list_name", name, ListForm.MAX_NAME, "A list's name");
        typed.refuseIfInvalid();
        return ListForm.read(Form.of(Map.of("name", name, "visibility", typed.trimmed("visibility"))));
    }
}
