package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.UserError;
import java.util.ArrayList;
import java.util.List;

/** A whole new order of a list's items (their ids, comma-separated), from a page that showed it at {@code version}. */
public record OrderForm(List<Long> itemIds, int version) {

    static final int MAX_ITEMS = 2000;

    static OrderForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    public static OrderForm read(Form form) {
        String raw = form.trimmed("order");
        List<Long> ids = new ArrayList<>();
        for (String part : raw.isEmpty() ? new String[0] : raw.split(",", MAX_ITEMS + 1)) {
            ids.add(Params.id(part.strip(), "Item"));
        }
        if (ids.size() > MAX_ITEMS) {
            throw UserError.badRequest("A list holds at most " + MAX_ITEMS + " items.");
        }
        return new OrderForm(List.copyOf(ids), form.wholeNumber("version", "The list's version"));
    }
}
