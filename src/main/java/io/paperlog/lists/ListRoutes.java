package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.Map;

/** My lists and those shared with me, making a list, and a list's settings: name, visibility, members, owner. */
public final class ListRoutes {

    /** What the list form holds: what was typed, or the list's current values. */
    public record Fields(String name, String description, String visibility) {}

    private final ListStore lists;
    private final MemberStore members;
    private final BaseUrl baseUrl;
    private final Views views;

    public ListRoutes(ListStore lists, MemberStore members, BaseUrl baseUrl, Views views) {
        this.lists = lists;
        this.members = members;
        this.baseUrl = baseUrl;
        this.views = views;
    }

    public void index(Context ctx) {
        views.render(ctx, "lists/index", Map.of("lists", lists.visibleTo(CurrentUser.of(ctx).id())));
    }

    public void showNew(Context ctx) {
        CurrentUser.of(ctx);
        views.render(ctx, "lists/new", Map.of("fields", fields(ctx, new Fields("", "", "team")),
                "visibilities", Visibility.values()));
    }

    public void create(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = lists.create(user.id(), ListForm.read(ctx));
        SafeRedirect.to(ctx, "/lists/" + id, "The list is made. Add papers from the catalogue or search below.");
    }

    /** The owner's settings page; also the form page of every settings form. */
    public void showSettings(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        ListAccess access = lists.require(Params.pathId(ctx, "id", "List"), user.id()).require(Role.OWNER);
        ReadingList list = access.list();
        views.render(ctx, "lists/settings", Map.of(
                "list", list,
                "publicUrl", list.shared() ? baseUrl.of(ctx) + "/shared/" + list.publicToken() : "",
                "fields", fields(ctx, new Fields(list.name(), list.description(), list.visibility().slug())),
                "visibilities", Visibility.values(),
                "members", members.members(list.id(), user.id()),
                "candidates", members.candidates(list.id())));
    }

    public void updateSettings(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = Params.pathId(ctx, "id", "List");
        lists.update(id, user.id(), ListForm.read(ctx));
        SafeRedirect.to(ctx, "/lists/" + id + "/settings", "The list's settings are saved.");
    }

    public void delete(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        lists.delete(Params.pathId(ctx, "id", "List"), user.id());
        SafeRedirect.to(ctx, "/lists", "The list is deleted.");
    }

    public void transfer(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = Params.pathId(ctx, "id", "List");
        String owner = members.transfer(id, user.id(), OwnerForm.read(ctx).username());
        SafeRedirect.to(ctx, "/lists/" + id,
                owner + " owns the list now; its previous owner stays on it as an editor.");
    }

    public void setMember(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = Params.pathId(ctx, "id", "List");
        MemberForm member = MemberForm.read(ctx);
        String name = members.setMember(id, user.id(), member);
        SafeRedirect.to(ctx, "/lists/" + id + "/settings",
                name + " is " + member.role().withArticle() + " of the list.");
    }

    public void removeMember(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = Params.pathId(ctx, "id", "List");
        members.removeMember(id, user.id(), Params.pathId(ctx, "accountId", "Account"));
        SafeRedirect.to(ctx, "/lists/" + id + "/settings", "They are no longer on the list.");
    }

    private static Fields fields(Context ctx, Fields stored) {
        return new Fields(Form.kept(ctx, "name", stored.name()), Form.kept(ctx, "description", stored.description()),
                Form.kept(ctx, "visibility", stored.visibility()));
    }
}
