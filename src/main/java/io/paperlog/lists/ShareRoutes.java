package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.time.Clock;
import java.util.Map;

/**
 * A list beyond its page: the public read-only link (off by default; the owner turns it on, off, or on afresh),
 * the page it shows to anyone, and each person's calendar feed of the list's sessions.
 */
public final class ShareRoutes {

    private final LinkStore links;
    private final ItemStore items;
    private final BaseUrl baseUrl;
    private final Views views;
    private final Clock clock;

    public ShareRoutes(LinkStore links, ItemStore items, BaseUrl baseUrl, Views views, Clock clock) {
        this.links = links;
        this.items = items;
        this.baseUrl = baseUrl;
        this.views = views;
        this.clock = clock;
    }

    /** {@code public=on} makes a new link (the old one stops working); anything else turns it off. */
    public void setPublicLink(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = Params.pathId(ctx, "id", "List");
        boolean on = Form.of(ctx).checkbox("public");
        links.setPublicLink(id, user.id(), on);
        SafeRedirect.to(ctx, "/lists/" + id + "/settings", on ? "Anyone with the public link can now read the list."
                : "The public link is off.");
    }

    /** The list as anyone with its link sees it: no readers, no comments, no names. */
    public void showPublic(Context ctx) {
        String token = ctx.pathParam("token");
        ReadingList list = links.byPublicToken(token)
                .orElseThrow(() -> UserError.notFound("This link is not (or no longer) shared."));
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        views.render(ctx, "lists/public", Map.of("name", list.name(), "descriptionHtml", list.descriptionHtml(),
                "items", links.publicItems(token)));
    }

    public void createCalendarLink(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = Params.pathId(ctx, "id", "List");
        boolean renew = "on".equals(ctx.formParam("renew"));
        links.createCalendarToken(id, user.id(), renew);
        SafeRedirect.to(ctx, "/lists/" + id + "#sessions", renew
                ? "Your new calendar link is ready; the old one no longer works."
                : "Your calendar link is ready: subscribe to it in your calendar.");
    }

    /** {@code /calendar/TOKEN.ics}: the sessions of the list, for as long as its person may see it. */
    public void calendar(Context ctx) {
        String file = ctx.pathParam("file");
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - ".ics".length()) : "";
        LinkStore.Calendar calendar = links.byCalendarToken(token)
                .orElseThrow(() -> UserError.notFound("This calendar link is not (or no longer) valid."));
        ReadingList list = calendar.access().list();
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"list-" + list.id() + ".ics\"")
                .result(IcsCalendar.of(list, items.items(list.id(), calendar.accountId()), baseUrl.of(ctx),
                        clock.instant()));
    }
}
