package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Params;

/** Which list, chosen from those a person may add to. */
record ListChoiceForm(long listId) {

    static ListChoiceForm read(Context ctx) {
        return new ListChoiceForm(Params.id(Form.of(ctx).trimmed("list"), "List"));
    }
}
