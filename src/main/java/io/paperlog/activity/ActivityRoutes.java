package io.paperlog.activity;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Params;
import io.paperlog.web.Views;
import java.util.HashMap;
import java.util.Map;

/** {@code /activity}: what teammates did, newest first, by person and by list, fifty at a time. */
public final class ActivityRoutes {

    private final Feed feed;
    private final Views views;

    public ActivityRoutes(Feed feed, Views views) {
        this.feed = feed;
        this.views = views;
    }

    public void show(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        String person = Params.query(ctx, "person");
        String list = Params.query(ctx, "list");
        String before = Params.query(ctx, "before");
        Feed.Filter filter = new Feed.Filter(person == null ? null : Params.id(person, "Person"),
                list == null ? null : Params.id(list, "List"));
        Map<String, Object> model = new HashMap<>();
        model.put("page", feed.teammates(user.id(), filter, before == null ? null : Params.id(before, "Entry")));
        model.put("filter", filter);
        model.put("people", feed.people(user.id()));
        model.put("lists", feed.lists(user.id()));
        views.render(ctx, "activity/feed", model);
    }
}
