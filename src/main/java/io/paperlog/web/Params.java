package io.paperlog.web;

import io.javalin.http.Context;

/** Path and query values, parsed or refused with a 400 that says what was expected. */
public final class Params {

    private static final int MAX_ID_DIGITS = 18;
    private static final int MAX_NUMBER_DIGITS = 9;

    private Params() {}

    /** A positive whole-number id from the path, e.g. the 12 of {@code /papers/12}. */
    public static long pathId(Context ctx, String name, String what) {
        return id(ctx.pathParam(name), what);
    }

    /** A positive whole-number id, e.g. the 12 of {@code ?paper=12}. */
    public static long id(String raw, String what) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_ID_DIGITS || !digits(raw) || Long.parseLong(raw) == 0) {
            throw UserError.badRequest(what + " ids are positive whole numbers, like 12.");
        }
        return Long.parseLong(raw);
    }

    /** A whole number from 0 up to 999,999,999, e.g. a revision. */
    public static int wholeNumber(String raw, String what) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_NUMBER_DIGITS || !digits(raw)) {
            throw UserError.badRequest(what + " is a whole number, like 3.");
        }
        return Integer.parseInt(raw);
    }

    /** A query parameter, or null when it is absent or blank. */
    public static String query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean digits(String raw) {
        return raw.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
