package io.paperlog.lists;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.Views;
import java.time.Clock;

/** The lists feature, built once at wiring: its stores, its pages and its route classes. */
public final class Lists {

    public final ListStore store;
    public final ItemStore items;
    public final ListPage page;
    public final ListRoutes lists;
    public final ItemRoutes itemRoutes;
    public final DiscussionRoutes discussion;
    public final ShareRoutes sharing;
    public final CoverageRoutes coverage;
    public final ListsSection section;

    public Lists(Database db, Clock clock, ActivityLog activity, BaseUrl baseUrl, Views views) {
        store = new ListStore(db, clock, activity);
        MemberStore members = new MemberStore(db, clock, activity);
        LinkStore links = new LinkStore(db);
        items = new ItemStore(db, clock, activity);
        CommentStore comments = new CommentStore(db, clock, activity);
        CoverageStore coverageStore = new CoverageStore(db);
        page = new ListPage(store, members, links, items, coverageStore, baseUrl, views, clock);
        lists = new ListRoutes(store, members, baseUrl, views);
        itemRoutes = new ItemRoutes(items, new SessionStore(db, activity), page);
        discussion = new DiscussionRoutes(store, members, items, comments, views);
        sharing = new ShareRoutes(links, items, baseUrl, views, clock);
        coverage = new CoverageRoutes(store, items, coverageStore, views);
        section = new ListsSection(store);
    }
}
