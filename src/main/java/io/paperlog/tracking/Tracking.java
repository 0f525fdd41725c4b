package io.paperlog.tracking;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.papers.PaperStore;
import io.paperlog.tags.TagStore;
import io.paperlog.web.Views;
import java.time.Clock;

/** The tracking feature, built once at wiring: its stores, its paper-page section and its route classes. */
public final class Tracking {

    public final TrackingStore marks;
    public final NoteStore notes;
    public final TrackingSection section;
    public final StatusRoutes statuses;
    public final NoteRoutes noteRoutes;
    public final LibraryRoutes library;
    public final LibraryStore libraryStore;

    public Tracking(Database db, Clock clock, ActivityLog activity, PaperStore papers, TagStore tags, Views views) {
        marks = new TrackingStore(db, clock, activity);
        notes = new NoteStore(db, clock);
        section = new TrackingSection(marks, notes);
        statuses = new StatusRoutes(marks, papers, section, views);
        noteRoutes = new NoteRoutes(notes, section, papers, views);
        libraryStore = new LibraryStore(db, papers);
        library = new LibraryRoutes(marks, libraryStore, papers, tags, views);
    }
}
