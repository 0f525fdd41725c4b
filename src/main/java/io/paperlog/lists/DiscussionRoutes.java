package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One item of a list, at its own address: its note, its session and its discussion. The page is also the form
 * page of the item's note, session and comment forms.
 */
public final class DiscussionRoutes {

    private final ListStore lists;
    private final MemberStore members;
    private final ItemStore items;
    private final CommentStore comments;
    private final Views views;

    public DiscussionRoutes(ListStore lists, MemberStore members, ItemStore items, CommentStore comments,
                            Views views) {
        this.lists = lists;
        this.members = members;
        this.items = items;
        this.comments = comments;
        this.views = views;
    }

    public void showItem(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        ListAccess access = lists.require(Params.pathId(ctx, "id", "List"), user.id());
        ListItem item = items.item(access.id(), Params.pathId(ctx, "itemId", "Item"), user.id());
        boolean commentRefused = UserError.shownFor(ctx).filter(e -> e.isAbout(CommentForm.FIELD)).isPresent();
        // a refused edit goes back into its own comment's form, a refused new comment into the form for one
        Long editing = commentRefused && ctx.pathParamMap().containsKey("commentId")
                ? Params.pathId(ctx, "commentId", "Comment") : null;
        Map<String, Object> model = new HashMap<>();
        model.put("editing", editing);
        model.put("editDraft", editing == null ? "" : Form.kept(ctx, "body", ""));
        model.put("access", access);
        model.put("item", item);
        model.put("comments", comments.comments(access.id(), item.id(), user.id()));
        model.put("presenters", access.canEdit() ? members.viewers(access.id(), user.id()) : List.of());
        model.put("note", commentRefused ? item.note() : Form.kept(ctx, "note", item.note()));
        model.put("draft", commentRefused && editing == null ? Form.kept(ctx, "body", "") : "");
        model.put("viewerId", user.id());
        views.render(ctx, "lists/item", model);
    }

    public void comment(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        long itemId = Params.pathId(ctx, "itemId", "Item");
        long commentId = comments.add(listId, itemId, user.id(), CommentForm.read(ctx).body());
        SafeRedirect.to(ctx, "/lists/" + listId + "/items/" + itemId + "#comment-" + commentId,
                "Your comment is posted.");
    }

    public void editComment(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        long commentId = Params.pathId(ctx, "commentId", "Comment");
        long itemId = comments.edit(listId, commentId, user.id(), CommentForm.read(ctx).body());
        SafeRedirect.to(ctx, "/lists/" + listId + "/items/" + itemId + "#comment-" + commentId, "The comment is saved.");
    }

    public void deleteComment(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        long itemId = comments.delete(listId, Params.pathId(ctx, "commentId", "Comment"), user.id());
        SafeRedirect.to(ctx, "/lists/" + listId + "/items/" + itemId + "#discussion", "The comment is deleted.");
    }
}
