package io.paperlog.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * How the route table registers its routes: method, path, handler, and for a form's POST the page the form lives
 * on, which {@link ErrorPages} shows again when the post is refused for what was typed. It remembers every route,
 * so that tests can walk them all.
 */
public final class Router {

    /** One entry of the route table. */
    public record Route(String method, String path) {}

    private static final String FORM_PAGE = "paperlog.formPage";

    private final RoutesConfig routes;
    private final List<Route> table = new ArrayList<>();

    public Router(RoutesConfig routes) {
        this.routes = routes;
    }

    public void get(String path, Handler handler) {
        routes.get(path, handler);
        table.add(new Route("GET", path));
    }

    /** A POST whose refusals are an error page (or an in-place error): it has no form page to show again. */
    public void post(String path, Handler handler) {
        routes.post(path, handler);
        table.add(new Route("POST", path));
    }

    /** A form's POST: a refusal for what was typed shows {@code formPage} again, with the input kept. */
    public void post(String path, Handler handler, FormPage formPage) {
        routes.post(path, ctx -> {
            ctx.attribute(FORM_PAGE, formPage);
            handler.handle(ctx);
        });
        table.add(new Route("POST", path));
    }

    public List<Route> routes() {
        return List.copyOf(table);
    }

    static FormPage formPage(Context ctx) {
        return ctx.attribute(FORM_PAGE);
    }
}
