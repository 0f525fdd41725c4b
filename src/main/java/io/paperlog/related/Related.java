package io.paperlog.related;

import io.paperlog.db.Database;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.Views;
import java.time.Clock;

/** The related-papers feature, built once at wiring: its index, its paper-page section and /next. */
public final class Related {

    public final RelatedPapers papers;
    public final RelatedSection section;
    public final NextRoutes next;

    public Related(Database db, Clock clock, PaperStore paperStore, Views views) {
        RelatedStore store = new RelatedStore(db, clock);
        papers = new RelatedPapers(store, Method.CHOSEN);
        section = new RelatedSection(papers, store);
        next = new NextRoutes(new Suggestions(papers, store), store, paperStore, views);
    }
}
