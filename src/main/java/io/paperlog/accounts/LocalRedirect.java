package io.paperlog.accounts;

import java.net.URI;
import java.net.URISyntaxException;

/** Where a login may send someone afterwards: only a path on this site, never another origin. */
public final class LocalRedirect {

    private static final int MAX_LENGTH = 2_000;

    private LocalRedirect() {}

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
