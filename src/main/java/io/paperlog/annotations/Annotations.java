package io.paperlog.annotations;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.Views;
import java.time.Clock;

/** The annotations feature, built once at wiring: its store, its paper-page section and its route classes. */
public final class Annotations {

    public final AnnotationStore store;
    public final AnnotationSection section;
    public final AnnotationRoutes routes;
    public final AnnotationListRoutes list;

    public Annotations(Database db, Clock clock, ActivityLog activity, PaperStore papers, BaseUrl baseUrl, Views views) {
        store = new AnnotationStore(db, clock, activity);
        section = new AnnotationSection(store);
        routes = new AnnotationRoutes(store, section, papers, views);
        list = new AnnotationListRoutes(store, papers, baseUrl, views);
    }
}
