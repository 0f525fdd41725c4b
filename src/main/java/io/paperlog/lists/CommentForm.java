package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** A comment in an item's discussion: Markdown, not empty. */
record CommentForm(String body) {

    static final int MAX_BODY = 5000;
    static final String FIELD = "comment";

    static CommentForm read(Context ctx) {
        Form form = Form.of(ctx);
        String body = form.trimmed("body");
        if (body.isEmpty()) {
            form.problem(FIELD, "Write a comment first.");
        }
        form.atMost(FIELD, body, MAX_BODY, "Comments");
        form.refuseIfInvalid();
        return new CommentForm(body);
    }
}
