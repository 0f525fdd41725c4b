package io.paperlog.papers;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * What the person making a request adds to the catalogue and the paper page (their statuses, ratings, notes).
 * The papers package only knows this interface; the tracking feature implements it.
 */
public interface PersonalView {

    /** Filters and orders the catalogue's rows for this person and adds what their rows show to {@code model}. */
    List<CatalogueRow> catalogue(Context ctx, List<CatalogueRow> rows, CatalogueSort sort, Map<String, Object> model);

    /** Adds this person's part of the page of paper {@code paperId} to {@code model}. */
    void paper(Context ctx, long paperId, Map<String, Object> model);

    PersonalView NONE = new PersonalView() {
        @Override
        public List<CatalogueRow> catalogue(Context ctx, List<CatalogueRow> rows, CatalogueSort sort,
                                            Map<String, Object> model) {
            return rows;
        }

        @Override
        public void paper(Context ctx, long paperId, Map<String, Object> model) {}
    };
}
