package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** "Restore this version": which kept revision, on top of the revision the page showed. */
record RestoreForm(int revision, int baseRevision) {

    static RestoreForm read(Context ctx) {
        Form form = Form.of(ctx);
        return new RestoreForm(form.wholeNumber("revision", "The revision"),
                form.wholeNumber("base_revision", "The base revision", 0));
    }
}
