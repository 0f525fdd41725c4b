package io.paperlog.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs before every request, ahead of the CSRF check that is the first to read a form, and refuses what no handler
 * should have to stumble over:
 * <ul>
 * <li>an address whose %-escapes do not decode (like {@code %u0031}): a 400, where Javalin would fail deep inside;
 * <li>a body that says it is larger than {@link #MAX_BODY}: a 413 without reading it (one sent in chunks, which
 *     says nothing of its size, is read up to the limit and then refused);
 * <li>a multipart body anywhere but {@link #UPLOAD_PATH}: no other route takes files, and Jetty would stream one
 *     to disk before anything could check it, so it is a 415 without reading it; there, a body that says it is
 *     larger than {@link #MAX_UPLOAD} is a 413 without reading it, and one sent in chunks is cut at that size by
 *     the multipart limits set at wiring (then a 413 too);
 * <li>a body that cannot be read as a form (an unknown charset, say): a 400;
 * <li>U+0000 in any query or form value: SQLite's string functions stop at it, so the schema's length checks would
 *     fail (a 500) or be fooled: a 400 before anything is stored.
 * </ul>
 */
public final class RequestInput {

    /** A 100,000-character note of 4-byte characters is 1.2 MB once form-encoded. */
    public static final int MAX_BODY = 2_000_000;
    /** The one route that takes a file: the import of a person's data, which may be this large. */
    public static final String UPLOAD_PATH = "/account/import";
    public static final int MAX_UPLOAD = 20_000_000;
    static final String NUL = "Text cannot contain a NUL character (U+0000).";
    static final String UNREADABLE = "The form could not be read. Please go back, reload the page and try again.";
    static final String MALFORMED_PATH = "The address has a malformed %-escape; "
            + "only %XX with two hexadecimal digits is understood.";
    static final String TOO_LARGE_UPLOAD = "The file is larger than " + MAX_UPLOAD / 1_000_000
            + " MB, the most Paperlog imports at once.";
    static final String NO_MULTIPART = "Paperlog's forms are sent as application/x-www-form-urlencoded; "
            + "it takes no file uploads (multipart/form-data) here.";

    private RequestInput() {}

    public static void check(Context ctx) {
        refuseMalformedPath(ctx.path());
        refuseNul(ctx.queryParamMap());
        if (Csrf.isSafeMethod(ctx.method().name())) {
            return;
        }
        if (isUpload(ctx)) {
            checkUpload(ctx);
            return;
        }
        if (ctx.contentLength() > MAX_BODY) {
            refuseUnread(ctx, UserError.tooLarge(ErrorPages.defaultDetail(413)));
        }
        if (ctx.isMultipart()) {
            refuseUnread(ctx, UserError.unsupportedMediaType(NO_MULTIPART));
        }
        if (Problem.isApiPath(ctx.path())) {
            return; // the API reads JSON bodies itself, with checks of its own
        }
        Map<String, List<String>> form;
        try {
            form = ctx.formParamMap();
        } catch (Exception unreadable) {
            refuseUnread(ctx, tooLarge(unreadable) ? UserError.tooLarge(ErrorPages.defaultDetail(413))
                    : UserError.badRequest(UNREADABLE));
            return;
        }
        refuseNul(form);
    }

    /**
     * Reads the rest of a body a refusal did not need (a 429 or a 403 answered before the body was looked at), so
     * the client can finish sending and read the answer, and the connection stays usable. A body already refused
     * as too large or multipart is left unread on a connection that closes.
     */
    static void drain(Context ctx) {
        if (Csrf.isSafeMethod(ctx.method().name()) || "close".equalsIgnoreCase(ctx.res().getHeader("Connection"))) {
            return;
        }
        try {
            ctx.bodyAsBytes();
        } catch (RuntimeException unreadable) {
            ctx.header("Connection", "close");
        }
    }

    private static boolean isUpload(Context ctx) {
        return ctx.path().equals(UPLOAD_PATH) && ctx.method().name().equals("POST") && ctx.isMultipart();
    }

    /**
     * An upload is read here, before the CSRF check reads its {@code _csrf} field, within the multipart limits:
     * whatever goes wrong reading it is a 4xx, never a failure deep inside a handler.
     */
    private static void checkUpload(Context ctx) {
        if (ctx.contentLength() > MAX_UPLOAD) {
            refuseUnread(ctx, UserError.tooLarge(TOO_LARGE_UPLOAD));
        }
        Map<String, List<String>> form;
        try {
            ctx.uploadedFiles();
            form = ctx.formParamMap();
        } catch (Exception unreadable) {
            refuseUnread(ctx, tooLarge(unreadable) || sizeLimit(unreadable) ? UserError.tooLarge(TOO_LARGE_UPLOAD)
                    : UserError.badRequest(UNREADABLE));
            return;
        }
        refuseNul(form);
    }

    /** Jetty's multipart parser says a part or the whole went past the configured limits. */
    private static boolean sizeLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("exceeds") || message.contains("max")
                    || message.contains("too large") || message.contains("Too large"))) {
                return true;
            }
        }
        return false;
    }

    /** The body is left (partly) unread: the connection cannot carry another request. */
    private static void refuseUnread(Context ctx, UserError error) {
        ctx.header("Connection", "close");
        throw error;
    }

    private static void refuseMalformedPath(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return;
        }
        try {
            URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw UserError.badRequest(MALFORMED_PATH);
        }
    }

    /** Whether reading stopped at Javalin's {@code maxRequestSize}, which it reports as a 413. */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException response && response.getStatus() == 413) {
                return true;
            }
        }
        return false;
    }

    private static void refuseNul(Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (param.getKey() != null && param.getKey().indexOf('\u0000') >= 0
                    || param.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                throw UserError.badRequest(NUL);
            }
        }
    }
}
