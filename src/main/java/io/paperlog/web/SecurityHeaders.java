package io.paperlog.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Headers every response carries: no inline script, no framing, no sniffing, no leaking of URLs. */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // KaTeX positions glyphs with inline style attributes
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    /** Set on requests to an instance served over HTTPS, so that every cookie it sets can be marked Secure. */
    static final String HTTPS_ATTRIBUTE = "paperlog.https";

    private final boolean https;

    /** {@code https}: the instance is served over HTTPS (secure cookies on), so browsers may be told to insist. */
    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void apply(Context ctx) {
        headers().forEach(ctx::header);
        if (https) {
            ctx.attribute(HTTPS_ATTRIBUTE, Boolean.TRUE);
        }
    }

    /** The headers themselves, for responses that Jetty writes without Paperlog's handlers. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        if (https) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return headers;
    }
}
