package io.paperlog.activity;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.Map;

/** {@code /notifications}: replies, comments, lists I was added to and sessions I present; opening one reads it. */
public final class NotificationRoutes {

    private final Feed feed;
    private final Views views;

    public NotificationRoutes(Feed feed, Views views) {
        this.feed = feed;
        this.views = views;
    }

    public void show(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        String before = Params.query(ctx, "before");
        views.render(ctx, "activity/notifications", Map.of("page",
                feed.notifications(user.id(), before == null ? null : Params.id(before, "Entry"))));
    }

    /** Marks one read and goes where it leads. */
    public void open(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long entry = Params.pathId(ctx, "id", "Notification");
        FeedEntry notification = feed.notification(user.id(), entry)
                .orElseThrow(() -> UserError.notFound("There is no such notification."));
        feed.markRead(user.id(), entry);
        SafeRedirect.to(ctx, notification.href(), null);
    }

    public void readAll(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        int read = feed.markAllRead(user.id());
        SafeRedirect.to(ctx, "/notifications", read == 0 ? "Nothing was unread." : "All caught up.");
    }
}
