package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Params;

/** A paper to add to a list (by id), and its optional "why read this" note in Markdown. */
public record ItemForm(long paperId, String note) {

    static ItemForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    public static ItemForm read(Form form) {
        long paperId = Params.id(form.trimmed("paper"), "Paper");
        String note = ItemNoteForm.note(form);
        form.refuseIfInvalid();
        return new ItemForm(paperId, note);
    }
}
