package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.UserError;
import java.util.Arrays;
import java.util.Locale;

/** One item moved a step up or down, or to the top or bottom, of a list the page showed at {@code version}. */
record MoveForm(long itemId, Direction direction, int version) {

    enum Direction {
        UP, DOWN, TOP, BOTTOM;

        /** Where an item taken out at {@code from} goes back in, among {@code remaining} others. */
        int target(int from, int remaining) {
            return switch (this) {
                case UP -> Math.max(0, from - 1);
                case DOWN -> Math.min(remaining, from + 1);
                case TOP -> 0;
                case BOTTOM -> remaining;
            };
        }
    }

    static MoveForm read(Context ctx) {
        Form form = Form.of(ctx);
        String raw = form.trimmed("direction").toUpperCase(Locale.ROOT);
        Direction direction = Arrays.stream(Direction.values()).filter(d -> d.name().equals(raw)).findFirst()
                .orElseThrow(() -> UserError.badRequest("Items move up, down, top or bottom."));
        return new MoveForm(Params.pathId(ctx, "itemId", "Item"), direction, form.wholeNumber("version", "The list's version"));
    }
}
