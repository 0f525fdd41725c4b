package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** An item's "why read this" note, in Markdown. */
public record ItemNoteForm(String note) {

    static final int MAX_NOTE = 5000;
    static final String FIELD = "note";

    static ItemNoteForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    public static ItemNoteForm read(Form form) {
        String note = note(form);
        form.refuseIfInvalid();
        return new ItemNoteForm(note);
    }

    static String note(Form form) {
        String note = form.trimmed(FIELD);
        form.atMost(FIELD, note, MAX_NOTE, "A note");
        return note;
    }
}
