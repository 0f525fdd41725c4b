package io.paperlog.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's errors: RFC 9457 problem details ({@code application/problem+json}) with {@code type}, {@code title},
 * {@code status} and {@code detail}, for every refusal and failure of an address under {@code /api/}, so that a
 * script never gets an HTML page there. A refusal about fields adds {@code errors} (field → sentence); a refusal
 * may add members of its own ({@link UserError#withDetail}).
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {}

    /** Whether {@code path} belongs to the API, whose answers are JSON, errors included. */
    public static boolean isApiPath(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    static boolean applies(Context ctx) {
        return isApiPath(ctx.path());
    }

    static void send(Context ctx, UserError error) {
        ctx.status(error.status()).contentType(MEDIA_TYPE).result(json(error.status(), error.getMessage(),
                error.fields(), error.details()));
    }

    static void send(Context ctx, int status, String detail) {
        ctx.status(status).contentType(MEDIA_TYPE).result(json(status, detail, Map.of(), Map.of()));
    }

    /** The document for {@code status}; {@code detail} is a sentence of ours (a default one when null). */
    static String json(int status, String detail, Map<String, String> errors, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.forStatus(status).getMessage());
        body.put("status", status);
        body.put("detail", detail == null || detail.isBlank() ? ErrorPages.defaultDetail(status) : detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        details.forEach(body::putIfAbsent);
        return Json.write(body);
    }
}
