package io.paperlog.activity;

import io.paperlog.web.Views;
import java.time.Clock;

/** The activity feature, built once at wiring: the log the other features write to, the feed and its pages. */
public final class Activity {

    public final ActivityLog log;
    public final Feed feed;
    public final ActivityRoutes routes;
    public final NotificationRoutes notifications;

    public Activity(Feed feed, Clock clock, Views views) {
        this.log = new ActivityLog(clock);
        this.feed = feed;
        this.routes = new ActivityRoutes(feed, views);
        this.notifications = new NotificationRoutes(feed, views);
    }
}
