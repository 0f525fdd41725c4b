package io.paperlog.tags;

import io.paperlog.db.Database;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.Views;
import java.time.Clock;

/** The tags feature, built once at wiring: its store, its paper-page section and its routes. */
public final class Tags {

    public final TagStore store;
    public final TagSection section;
    public final TagRoutes routes;

    public Tags(Database db, Clock clock, PaperStore papers, Views views) {
        store = new TagStore(db, clock);
        section = new TagSection(store);
        routes = new TagRoutes(store, papers, section, views);
    }
}
