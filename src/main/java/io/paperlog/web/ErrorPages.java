package io.paperlog.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.paperlog.db.Database;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a refusal or a failure becomes an answer. A {@link UserError} about a form's fields (a 422, or a
 * 401 or 429 at login) or a conflict (409) shows the form's page again, input kept, with the sentence beside its
 * field; any other refusal is an error page in the layout, or for an in-place request the small error fragment
 * app.js shows. A person reads what went wrong and a way back, never an exception's text;
 * only unexpected failures are logged, with their stack trace.
 */
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    /** Longest reason of Jetty's own that is shown (they are short, like "Bad UTF-8 encoding"). */
    private static final int MAX_REASON = 120;

    private final Views views;

    public ErrorPages(Views views) {
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.exception(UserError.class, (e, ctx) -> refuse(ctx, e));
        routes.exception(Database.WriteRefused.class, (e, ctx) -> refuse(ctx, UserError.forbidden(e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e instanceof MethodNotAllowedResponse notAllowed) {
                ctx.header("Allow", allow(notAllowed.getDetails()));
            }
            page(ctx, e.getStatus(), null);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            page(ctx, 500, null);
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                page(ctx, 404, null);
            }
        });
    }

    void refuse(Context ctx, UserError error) {
        RequestInput.drain(ctx);
        if (Problem.applies(ctx)) {
            Problem.send(ctx, error);
            return;
        }
        ctx.status(error.status());
        FormPage form = Router.formPage(ctx);
        String fragment = InPlace.fragment(ctx);
        if (form != null && error.keepsInput() && (fragment == null || form.draws(fragment))) {
            error.showFor(ctx);
            try {
                form.show(ctx);
                return;
            } catch (UserError pageGone) {
                UserError.stopShowing(ctx);
                error = pageGone;
            } catch (RuntimeException failed) {
                UserError.stopShowing(ctx);
                LOG.error("{} {}: the form page could not be shown again", ctx.method(), ctx.path(), failed);
                page(ctx, 500, null);
                return;
            }
        }
        if (fragment != null) {
            ctx.status(error.status());
            views.render(ctx, "fragments/error", Map.of("message", error.getMessage()));
        } else {
            page(ctx, error.status(), error.getMessage());
        }
    }

    /** The error page for {@code status}; {@code message} is a sentence of ours, never an exception's text. */
    void page(Context ctx, int status, String message) {
        if (Problem.applies(ctx)) {
            Problem.send(ctx, status, message);
            return;
        }
        ctx.status(status);
        try {
            views.render(ctx, "errors/error", model(status, message));
        } catch (RuntimeException renderFailure) {
            LOG.error("could not render the error page for status {}", status, renderFailure);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + heading(status));
        }
    }

    private static Map<String, Object> model(int status, String message) {
        String detail = message == null || message.isBlank() ? defaultDetail(status) : message;
        return Map.of("status", status, "heading", heading(status), "detail", detail);
    }

    private static String allow(Map<String, String> details) {
        Set<String> methods = new LinkedHashSet<>();
        for (String listed : details.values()) {
            for (String method : listed.split(",")) {
                methods.add(method.strip());
                if (method.strip().equals("GET")) {
                    methods.add("HEAD");
                }
            }
        }
        return String.join(", ", methods);
    }

    static String heading(int status) {
        return switch (status) {
            case 400 -> "That request didn't make sense";
            case 401 -> "Please log in";
            case 403 -> "You can't do that";
            case 404 -> "Page not found";
            case 405 -> "That method isn't allowed here";
            case 409 -> "That changed in the meantime";
            case 410 -> "This link can't be used any more";
            case 413 -> "That's too large";
            case 414 -> "That address is too long";
            case 415 -> "That kind of request body isn't accepted";
            case 422 -> "Please check what you entered";
            case 429 -> "Too many attempts";
            case 431 -> "Those headers are too large";
            case 426, 505 -> "That version of HTTP isn't supported";
            default -> status >= 500 ? "Something went wrong on our side" : HttpStatus.forStatus(status).getMessage();
        };
    }

    static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address. It may have moved, or the link may be mistyped.";
            case 405 -> "This address doesn't accept that kind of request.";
            case 413 -> "Paperlog accepts requests of up to " + RequestInput.MAX_BODY / 1_000_000
                    + " MB. Please send less at once.";
            case 414 -> "Paperlog accepts addresses of up to 8 KB.";
            case 431 -> "The request's headers (cookies, most likely) are larger than Paperlog accepts.";
            case 426, 505 -> "Paperlog speaks HTTP/1.1 (and HTTP/1.0). Your client sent another version.";
            default -> status >= 500
                    ? "The problem has been logged. Please try again in a moment."
                    : "Please go back and try again.";
        };
    }

    /**
     * Jetty answers some requests itself, before Paperlog sees them (a malformed URI or body encoding, headers too
     * large, an HTTP version it does not speak). This handler gives those the same page and headers as every
     * other answer, whatever the client accepts, with Jetty's short reason where it tells the client what it got
     * wrong; never a stack trace.
     */
    public ErrorHandler jettyErrorHandler(SecurityHeaders securityHeaders) {
        return new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                securityHeaders.headers().forEach(response.getHeaders()::put);
                return super.handle(request, response, callback);
            }

            @Override
            protected void generateResponse(Request request, Response response, int code, String message,
                                            Throwable cause, Callback callback) throws IOException {
                if (Problem.isApiPath(request.getHttpURI() == null ? null : request.getHttpURI().getPath())) {
                    response.getHeaders().put("Content-Type", Problem.MEDIA_TYPE);
                    response.write(true, java.nio.ByteBuffer.wrap(Problem.json(code, jettyReason(code, message),
                            Map.of(), Map.of()).getBytes(StandardCharsets.UTF_8)), callback);
                    return;
                }
                if (!generateAcceptableResponse(request, response, callback, "text/html", List.of(StandardCharsets.UTF_8),
                        code, message, cause)) {
                    callback.succeeded();
                }
            }

            @Override
            protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message,
                                          Throwable cause) throws IOException {
                String page;
                try {
                    page = views.renderToString(null, "errors/error", model(code, jettyReason(code, message)));
                } catch (RuntimeException renderFailure) {
                    page = code + " " + heading(code);
                }
                writer.write(page);
            }
        };
    }

    /** Jetty's reason, when it is a short sentence about what the client sent; null for anything else. */
    static String jettyReason(int code, String message) {
        if (code < 400 || code >= 500 || message == null || message.isBlank() || message.length() > MAX_REASON
                || message.equalsIgnoreCase(HttpStatus.forStatus(code).getMessage())
                || message.contains("Exception") || message.contains("\n")) {
            return null;
        }
        return "Paperlog could not read the request: " + message.strip() + ".";
    }
}
