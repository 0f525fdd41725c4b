package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** A rating in halves of a star, or null to clear it. */
record RatingForm(Integer halves) {

    static RatingForm read(Context ctx) {
        return new RatingForm(Stars.parse(Form.of(ctx).trimmed("rating")).orElse(null));
    }
}
