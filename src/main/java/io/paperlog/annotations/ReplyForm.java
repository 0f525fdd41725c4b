package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** A reply to a team annotation: Markdown, not empty. Its problems are said under the name {@code reply}. */
record ReplyForm(String body) {

    static final String FIELD = "reply";

    static ReplyForm read(Context ctx) {
        Form form = Form.of(ctx);
        String body = form.trimmed("body");
        if (body.isEmpty()) {
            form.problem(FIELD, "Write a reply first.");
        }
        form.atMost(FIELD, body, AnnotationForm.MAX_BODY, "Replies");
        form.refuseIfInvalid();
        return new ReplyForm(body);
    }
}
