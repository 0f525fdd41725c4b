package io.paperlog.web;

import io.javalin.http.Context;

/**
 * Requests app.js sends to update part of a page without reloading it: they name the piece they want back in an
 * {@code X-Fragment} header ({@code panel}, {@code note}, {@code row}), and get that piece rather than a redirect.
 */
public final class InPlace {

    public static final String HEADER = "X-Fragment";
    private static final int MAX_NAME = 32;

    private InPlace() {}

    /** The piece of page asked for, or null for an ordinary request; a name we could never serve counts as none. */
    public static String fragment(Context ctx) {
        String name = ctx.header(HEADER);
        if (name == null || name.isEmpty() || name.length() > MAX_NAME
                || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '-')) {
            return null;
        }
        return name;
    }
}
