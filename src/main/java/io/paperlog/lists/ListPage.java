package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.db.Timestamps;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.FormPage;
import io.paperlog.web.InPlace;
import io.paperlog.web.Params;
import io.paperlog.web.Views;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A list's page: its papers in order with who has read them, the next session and the timeline, and the forms
 * to add, order and schedule. It is the form page of the list's item forms; app.js asks it for the items alone
 * ({@code items}) when it reorders them in place.
 */
public final class ListPage implements FormPage {

    private final ListStore lists;
    private final MemberStore members;
    private final LinkStore links;
    private final ItemStore items;
    private final CoverageStore coverage;
    private final BaseUrl baseUrl;
    private final Views views;
    private final Clock clock;

    public ListPage(ListStore lists, MemberStore members, LinkStore links, ItemStore items, CoverageStore coverage,
                    BaseUrl baseUrl, Views views, Clock clock) {
        this.lists = lists;
        this.members = members;
        this.links = links;
        this.items = items;
        this.coverage = coverage;
        this.baseUrl = baseUrl;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public void show(Context ctx) {
        ListView view = view(ctx);
        boolean itemsOnly = "items".equals(InPlace.fragment(ctx));
        views.render(ctx, itemsOnly ? "lists/fragments/items" : "lists/show", Map.of("view", view));
    }

    @Override
    public boolean draws(String fragment) {
        return "items".equals(fragment);
    }

    ListView view(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        ListAccess access = lists.require(Params.pathId(ctx, "id", "List"), user.id());
        List<ListItem> all = items.items(access.id(), user.id());
        String today = Timestamps.today(clock).toString();
        List<ListItem> upcoming = all.stream().filter(i -> i.scheduled() && i.sessionOn().compareTo(today) >= 0)
                .sorted(Comparator.comparing(ListItem::sessionOn)).toList();
        List<ListItem> past = all.stream().filter(i -> i.scheduled() && i.sessionOn().compareTo(today) < 0)
                .sorted(Comparator.comparing(ListItem::sessionOn).reversed()).toList();
        String search = Params.query(ctx, "q");
        List<ListItem> found = search == null || !access.canEdit() ? List.of()
                : items.candidates(access.id(), user.id(), search.length() > 200 ? search.substring(0, 200) : search);
        String calendar = links.calendarToken(access.id(), user.id())
                .map(token -> baseUrl.of(ctx) + "/calendar/" + token + ".ics").orElse(null);
        String shared = access.list().shared() ? baseUrl.of(ctx) + "/shared/" + access.list().publicToken() : null;
        return new ListView(access, coverage.coverage(access, all, user.id()).rows(),
                upcoming.isEmpty() ? null : upcoming.get(0), upcoming, past,
                access.canEdit() ? members.viewers(access.id(), user.id()) : List.of(), search == null ? "" : search,
                found, calendar, access.isOwner() ? shared : null);
    }
}
