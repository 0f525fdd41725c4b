package io.paperlog.web;

import io.javalin.http.Context;

/**
 * The page a form lives on, named beside a POST route in the route table: when the post is refused for what was
 * typed, the page is shown again, with the errors and the input kept. A page whose pieces app.js updates in place
 * also draws those pieces alone.
 */
@FunctionalInterface
public interface FormPage {

    void show(Context ctx);

    /** Whether this page can answer an in-place request for {@code fragment} (an {@link InPlace} name) by itself. */
    default boolean draws(String fragment) {
        return false;
    }
}
