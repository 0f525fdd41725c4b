package io.paperlog.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How the route table registers its routes: method, path, handler, and for a form's POST the page the form lives
 * on, which {@link ErrorPages} shows again when the post is refused for what was typed. It remembers every route,
 * so that tests can walk them all.
 */
public final class Router {

    /** One entry of the route table. */
    public record Route(String method, String path) {}

    /**
     * A route and its path as a pattern, in which a {@code {param}} stands for one path segment; and the part of
     * the path before any parameter, which a matching path starts with (a cheap test before the pattern's).
     */
    private record Entry(Route route, Pattern path, String prefix) {

        static Entry of(String method, String path) {
            int parameter = path.indexOf('{');
            return new Entry(new Route(method, path), Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")),
                    parameter < 0 ? path : path.substring(0, parameter));
        }

        boolean matches(String requested) {
            return requested.startsWith(prefix) && path.matcher(requested).matches();
        }
    }

    private static final String FORM_PAGE = "paperlog.formPage";

    /** Beyond this many addresses remembered, the memory of allowed methods starts over. */
    static final int KEPT_PATHS = 10_000;

    private final RoutesConfig routes;
    private final List<Entry> table = new ArrayList<>();
    /** The methods each address asked lately takes: the table is fixed once the routes are registered. */
    private final Map<String, Set<String>> allowedByPath = new ConcurrentHashMap<>();

    public Router(RoutesConfig routes) {
        this.routes = routes;
    }

    public void get(String path, Handler handler) {
        routes.get(path, handler);
        table.add(Entry.of("GET", path));
    }

    /** A POST whose refusals are an error page (or an in-place error): it has no form page to show again. */
    public void post(String path, Handler handler) {
        routes.post(path, handler);
        table.add(Entry.of("POST", path));
    }

    /** A form's POST: a refusal for what was typed shows {@code formPage} again, with the input kept. */
    public void post(String path, Handler handler, FormPage formPage) {
        routes.post(path, ctx -> {
            ctx.attribute(FORM_PAGE, formPage);
            handler.handle(ctx);
        });
        table.add(Entry.of("POST", path));
    }

    /** The API's other methods: PUT and DELETE (refused like any request, in the API's own way). */
    public void put(String path, Handler handler) {
        routes.put(path, handler);
        table.add(Entry.of("PUT", path));
    }

    public void delete(String path, Handler handler) {
        routes.delete(path, handler);
        table.add(Entry.of("DELETE", path));
    }

    public List<Route> routes() {
        return table.stream().map(Entry::route).toList();
    }

    /**
     * Runs before the session filter: an address the table knows, asked with a method it does not take, is a 405
     * that names the methods it does take in {@code Allow}, before the CSRF check or the login wall could answer
     * for it.
     */
    public void refuseUnknownMethod(Context ctx) {
        String path = ctx.path();
        Set<String> allowed = allowedByPath.get(path);
        if (allowed == null) {
            allowed = allowed(path);
            if (allowedByPath.size() >= KEPT_PATHS) {
                allowedByPath.clear();
            }
            allowedByPath.put(path, allowed);
        }
        if (!allowed.isEmpty() && !allowed.contains(ctx.method().name())) {
            ctx.header("Allow", String.join(", ", allowed));
            throw UserError.methodNotAllowed("This address doesn't accept that kind of request.");
        }
    }

    private Set<String> allowed(String path) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Entry entry : table) {
            if (entry.matches(path)) {
                allowed.add(entry.route().method());
                if (entry.route().method().equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    static FormPage formPage(Context ctx) {
        return ctx.attribute(FORM_PAGE);
    }
}
