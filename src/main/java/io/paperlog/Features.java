package io.paperlog;

import io.paperlog.accounts.Accounts;
import io.paperlog.activity.Activity;
import io.paperlog.activity.Feed;
import io.paperlog.admin.AdminRoutes;
import io.paperlog.admin.BackupRoutes;
import io.paperlog.annotations.Annotations;
import io.paperlog.api.Api;
import io.paperlog.catalogue.CatalogueRoutes;
import io.paperlog.catalogue.CatalogueStore;
import io.paperlog.db.Database;
import io.paperlog.io.DataIo;
import io.paperlog.lists.Lists;
import io.paperlog.papers.AddPaperRoutes;
import io.paperlog.papers.AddedPaperStore;
import io.paperlog.papers.PaperPage;
import io.paperlog.papers.PaperStore;
import io.paperlog.related.Related;
import io.paperlog.saved.SavedFilterRoutes;
import io.paperlog.saved.SavedFilterStore;
import io.paperlog.search.SearchRoutes;
import io.paperlog.search.SearchStore;
import io.paperlog.tags.Tags;
import io.paperlog.team.TeamSection;
import io.paperlog.team.TeamStore;
import io.paperlog.tracking.Tracking;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.Views;
import java.time.Clock;
import java.util.List;

/** Every feature, built once over one database: the route table hands their handlers to the routes. */
final class Features {

    final PaperStore papers;
    final CatalogueStore catalogueStore;
    final Accounts accounts;
    final AdminRoutes admin;
    final BackupRoutes backups;
    final Activity activity;
    final Tracking tracking;
    final Annotations annotations;
    final Lists lists;
    final CatalogueRoutes catalogue;
    final Related related;
    final PaperPage paperPage;
    final AddPaperRoutes addPaper;
    final SearchRoutes search;
    final Api api;
    final DataIo io;
    final Tags tags;
    final SavedFilterRoutes savedViews;

    Features(Database db, Clock clock, Feed feed, Settings settings) {
        Views views = settings.views();
        papers = new PaperStore(db);
        tags = new Tags(db, clock, papers, views);
        accounts = new Accounts(db, clock, settings.secureCookies(), views);
        admin = new AdminRoutes(accounts.store, accounts.invites, accounts.resets, settings.baseUrl(), views);
        backups = new BackupRoutes(db, clock);
        activity = new Activity(feed, clock, views);
        tracking = new Tracking(db, clock, activity.log, papers, tags.store, views);
        catalogueStore = new CatalogueStore(db, papers, tracking.libraryStore);
        annotations = new Annotations(db, clock, activity.log, papers, settings.baseUrl(), views);
        lists = new Lists(db, clock, activity.log, settings.baseUrl(), views);
        SearchStore searchStore = new SearchStore(db);
        savedViews = new SavedFilterRoutes(new SavedFilterStore(db, clock, searchStore), lists.store, views);
        TeamStore team = new TeamStore(db);
        catalogue = new CatalogueRoutes(catalogueStore, tracking.marks, team, lists.store, lists.items, tags.store,
                views, settings.secureCookies());
        related = new Related(db, clock, papers, views);
        // the paper page: my reading and my tags, the team's, the lists it is on, the annotations beside the abstract,
        // related papers
        paperPage = new PaperPage(papers, views, List.of(tracking.section, tags.section, new TeamSection(team),
                lists.section, annotations.section, related.section));
        addPaper = new AddPaperRoutes(papers, new AddedPaperStore(db, clock), views);
        search = new SearchRoutes(searchStore, views);
        api = new Api(db, clock, settings.baseUrl(), new Api.Stores(papers, catalogueStore, tracking.marks, tracking.notes,
                annotations.store, lists.store, lists.items, accounts.tokens, searchStore));
        io = new DataIo(db, clock, annotations.store, settings.baseUrl(), views);
    }

    /** What the features are built with besides the database. */
    record Settings(boolean secureCookies, BaseUrl baseUrl, Views views) {}
}
