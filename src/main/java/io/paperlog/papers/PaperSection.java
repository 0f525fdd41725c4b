package io.paperlog.papers;

import io.javalin.http.Context;
import java.util.Map;

/**
 * A part of a paper's page that a feature draws (my reading, annotations): registered once at wiring, asked for
 * its model each time the page is shown, for the person looking at it.
 */
public interface PaperSection {

    /** The entries this section adds to the page's model, for the signed-in person looking at {@code paper}. */
    Map<String, Object> model(Context ctx, Paper paper);

    /**
     * The pieces of this section that app.js updates in place, by their {@code X-Fragment} name, each with the
     * template that draws it from {@link #model}.
     */
    default Map<String, String> fragments() {
        return Map.of();
    }
}
