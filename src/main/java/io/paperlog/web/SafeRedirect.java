package io.paperlog.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;

/** Redirects after a form: only ever to a path on this site, never to another origin, with an optional flash. */
public final class SafeRedirect {

    private static final int MAX_LENGTH = 2_000;

    private SafeRedirect() {}

    /** 303 to {@code localPath}, showing {@code message} once on the page it leads to (none when null). */
    public static void to(Context ctx, String localPath, String message) {
        if (message != null) {
            Flash.set(ctx, message);
        }
        ctx.redirect(isLocal(localPath) ? localPath : "/", HttpStatus.SEE_OTHER);
    }

    /** Where a form asked to go back to (its {@code back} field), when that is a local path; else {@code fallback}. */
    public static String back(Context ctx, String fallback) {
        String back = ctx.formParam("back");
        return isLocal(back) ? back : fallback;
    }

    public static String orHome(String next) {
        return isLocal(next) ? next : "/";
    }

    public static boolean isLocal(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
            return false;
        }
        if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return false;
        }
        if (next.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return false;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
