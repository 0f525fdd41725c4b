package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.UserError;

/** A note as typed, and the revision the page showed when typing began (0 for a first note). */
public record NoteForm(String body, int baseRevision) {

    static final String FIELD = "note";

    static NoteForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    /** Which text a person keeps when their save met a newer one: theirs (the usual save), the saved one, or both. */
    enum Keep { MINE, THEIRS, BOTH }

    /** The conflict view's choice; null for a plain save. */
    static Keep keep(Context ctx) {
        String keep = ctx.formParam("keep");
        if (keep == null) {
            return null;
        }
        return switch (keep) {
            case "mine" -> Keep.MINE;
            case "theirs" -> Keep.THEIRS;
            case "both" -> Keep.BOTH;
            default -> throw UserError.badRequest("keep is one of mine, theirs, both.");
        };
    }

    public static NoteForm read(Form form) {
        String body = form.text("body");
        int base = form.wholeNumber("base_revision", "The base revision", 0);
        form.atMost(FIELD, body, NoteStore.MAX_CHARS, "A note");
        form.refuseIfInvalid();
        return new NoteForm(body, base);
    }
}
