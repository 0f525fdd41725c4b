package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Text;

/** A reply to a team annotation: Markdown, not empty. Its problems are said under the name {@code reply}. */
record ReplyForm(String body) {

    static final String FIELD = "reply";

    static ReplyForm read(Context ctx) {
        Form form = Form.of(ctx);
        String body = form.trimmed("body");
        if (body.isEmpty()) {
            form.problem(FIELD, "Write a reply first.");
        } else if (Text.characters(body) > AnnotationForm.MAX_BODY) {
            form.problem(FIELD, "Replies can be up to " + Text.grouped(AnnotationForm.MAX_BODY)
                    + " characters; this one has " + Text.grouped(Text.characters(body)) + ".");
        }
        form.refuseIfInvalid();
        return new ReplyForm(body);
    }
}
