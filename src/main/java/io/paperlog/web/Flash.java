package io.paperlog.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A one-line message carried across a redirect in a short-lived cookie and shown once by the next page. */
public final class Flash {

    static final String COOKIE = "paperlog_flash";
    private static final int MAX_LENGTH = 300;

    private Flash() {}

    public static void set(Context ctx, String message) {
        String text = message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message;
        boolean secure = Boolean.TRUE.equals(ctx.attribute(SecurityHeaders.HTTPS_ATTRIBUTE));
        ctx.cookie(new Cookie(COOKIE, URLEncoder.encode(text, StandardCharsets.UTF_8), "/", 60, secure, true, null,
                SameSite.LAX));
    }

    /** The pending message, removed so it shows only once; null when there is none. */
    static String take(Context ctx) {
        String raw = ctx.cookie(COOKIE);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        ctx.removeCookie(COOKIE, "/");
        try {
            String text = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
