package io.paperlog;

import static io.paperlog.db.schema.Tables.PAPER;

import io.paperlog.papers.CatalogueSort;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.Views;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

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
                DSL.using(SQLDialect.SQLITE).selectFrom(PAPER).where(PAPER.ID.eq(1L))
                        .orderBy(PAPER.RANK.asc().nullsLast()).limit(1).getSQL();
                views.renderToString(null, "papers/catalogue",
                        Map.of("rows", List.of(), "sort", CatalogueSort.RANK, "sorts", CatalogueSort.values()));
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

    /** Runs the catalogue's queries once so that SQLite's page cache and jOOQ's paths are hot. */
    static void runQueries(PaperStore papers) {
        papers.catalogue(CatalogueSort.RANK);
        papers.find(1).ifPresent(papers::neighbours);
    }
}
