package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** A note as typed, and the revision the page showed when typing began (0 for a first note). */
public record NoteForm(String body, int baseRevision) {

    static final String FIELD = "note";

    static NoteForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    public static NoteForm read(Form form) {
        String body = form.text("body");
        int base = form.wholeNumber("base_revision", "The base revision", 0);
        form.atMost(FIELD, body, NoteStore.MAX_CHARS, "A note");
        form.refuseIfInvalid();
        return new NoteForm(body, base);
    }
}
