package io.paperlog;

import io.paperlog.accounts.Accounts;
import io.paperlog.admin.AdminRoutes;
import io.paperlog.annotations.Annotations;
import io.paperlog.catalogue.CatalogueRoutes;
import io.paperlog.catalogue.CatalogueStore;
import io.paperlog.db.Database;
import io.paperlog.papers.PaperPage;
import io.paperlog.papers.PaperStore;
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
    final Tracking tracking;
    final Annotations annotations;
    final CatalogueRoutes catalogue;
    final PaperPage paperPage;

    Features(Database db, Clock clock, boolean secureCookies, BaseUrl baseUrl, Views views) {
        papers = new PaperStore(db);
        catalogueStore = new CatalogueStore(db);
        accounts = new Accounts(db, clock, secureCookies, views);
        admin = new AdminRoutes(accounts.store, accounts.invites, accounts.resets, baseUrl, views);
        tracking = new Tracking(db, clock, papers, views);
        annotations = new Annotations(db, clock, papers, baseUrl, views);
        catalogue = new CatalogueRoutes(catalogueStore, tracking.marks, views);
        // the paper page shows my reading, then the annotations beside the abstract
        paperPage = new PaperPage(papers, views, List.of(tracking.section, annotations.section));
    }
}
