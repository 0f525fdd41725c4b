package io.paperlog.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become pages. A person sees what went wrong in words and a way back, never an
 * exception's text; unexpected failures are logged with their stack trace.
 */
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Views views;

    public ErrorPages(Views views) {
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> show(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            show(ctx, 500, null);
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                show(ctx, 404, null);
            }
        });
        routes.error(405, "*", ctx -> show(ctx, 405, null));
    }

    /** Renders the error page for {@code status}; {@code message} is ours to show, never an exception's. */
    public void show(Context ctx, int status, String message) {
        HttpStatus httpStatus = HttpStatus.forStatus(status);
        String detail = status >= 500 || message == null || message.isBlank() || isDefaultMessage(httpStatus, message)
                ? defaultDetail(status)
                : message;

        ctx.status(status);
        try {
            views.render(ctx, "errors/error", Map.of("status", status, "heading", heading(status), "detail", detail));
        } catch (RuntimeException renderFailure) {
            LOG.error("could not render the error page for status {}", status, renderFailure);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + heading(status));
        }
    }

    private static String heading(int status) {
        return switch (status) {
            case 400 -> "That request didn't make sense";
            case 401 -> "Please log in";
            case 403 -> "You can't do that";
            case 404 -> "Page not found";
            case 405 -> "That method isn't allowed here";
            case 409 -> "That changed in the meantime";
            case 413 -> "That's too large";
            case 422 -> "Please check what you entered";
            case 429 -> "Too many attempts";
            default -> status >= 500 ? "Something went wrong on our side" : HttpStatus.forStatus(status).getMessage();
        };
    }

    /**
     * Jetty answers some requests itself before Paperlog sees them (a malformed or ambiguous URI, a header too
     * large); this handler gives those the same page, without Jetty's diagnostic text.
     */
    public ErrorHandler jettyErrorHandler(SecurityHeaders securityHeaders) {
        return new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                securityHeaders.headers().forEach(response.getHeaders()::put);
                return super.handle(request, response, callback);
            }

            @Override
            protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message,
                                          Throwable cause) throws IOException {
                String page;
                try {
                    page = views.renderToString(null, "errors/error",
                            Map.of("status", code, "heading", heading(code), "detail", defaultDetail(code)));
                } catch (RuntimeException renderFailure) {
                    page = code + " " + heading(code);
                }
                writer.write(page);
            }
        };
    }

    private static boolean isDefaultMessage(HttpStatus status, String message) {
        return message.equalsIgnoreCase(status.getMessage()) || message.equals(status.name());
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address. It may have moved, or the link may be mistyped.";
            case 405 -> "This address doesn't accept that kind of request.";
            default -> status >= 500
                    ? "The problem has been logged. Please try again in a moment."
                    : "Please go back and try again.";
        };
    }
}
