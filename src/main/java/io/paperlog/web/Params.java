package io.paperlog.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/** Parsing of path and query values, answering 400 with a sentence a person can act on. */
public final class Params {

    private static final int MAX_ID_DIGITS = 18;

    private Params() {}

    /** A positive whole-number id from the path, e.g. the 12 of {@code /papers/12}. */
    public static long pathId(Context ctx, String name, String what) {
        String raw = ctx.pathParam(name);
        if (raw.isEmpty() || raw.length() > MAX_ID_DIGITS || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequestResponse(what + " ids are positive whole numbers, like 12.");
        }
        long id = Long.parseLong(raw);
        if (id <= 0) {
            throw new BadRequestResponse(what + " ids are positive whole numbers, like 12.");
        }
        return id;
    }
}
