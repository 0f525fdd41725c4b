package io.paperlog;

import io.paperlog.catalogue.CatalogueQuery;
import io.paperlog.catalogue.CatalogueSort;
import io.paperlog.catalogue.CatalogueStore;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagFilterBar;
import io.paperlog.tracking.Status;
import io.paperlog.web.Pager;
import io.paperlog.web.Views;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Makes the first request as fast as the hundredth. Loading jOOQ's and Thymeleaf's classes and parsing the
 * templates needs no database, so it runs on a second core while the database opens and migrates.
 */
final class Warmup {

    private Warmup() {}

    static CompletableFuture<Void> loadClassesInBackground(Views views) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                views.renderToString(null, "catalogue/catalogue", Map.of("rows", List.of(), "query",
                        CatalogueQuery.ALL, "sorts", CatalogueSort.values(), "statuses", Status.values(), "back", "/", "pager",
                        new Pager(1, CatalogueStore.PER_PAGE, 0, "/?"), "compact", false,
                        "tagBar", TagFilterBar.of("/", TagFilter.NONE, List.of(), Map.of())));
                views.renderToString(null, "errors/error", Map.of("status", 404, "heading", "", "detail", ""));
                done.complete(null);
            } catch (RuntimeException e) {
                // warming is an optimisation: a failure here shows up again, with context, on a real request
                done.complete(null);
            }
        }, "paperlog-warmup");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** Runs the catalogue's query once so that SQLite's page cache and jOOQ's paths are hot. */
    static void runQueries(CatalogueStore catalogue) {
        catalogue.papers(CatalogueQuery.ALL, 0, 0, CatalogueStore.PER_PAGE);
        catalogue.count(CatalogueQuery.ALL, 0);
    }
}
