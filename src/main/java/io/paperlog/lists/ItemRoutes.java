package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.InPlace;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;

/**
 * A list's papers: adding one (from its page, a catalogue row or the list's search), removing, moving, ordering
 * them all at once (app.js, in place), their notes and their sessions.
 */
public final class ItemRoutes {

    private final ItemStore items;
    private final SessionStore sessions;
    private final ListPage listPage;

    public ItemRoutes(ItemStore items, SessionStore sessions, ListPage listPage) {
        this.items = items;
        this.sessions = sessions;
        this.listPage = listPage;
    }

    public void add(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        ItemForm form = ItemForm.read(ctx);
        ItemStore.Added added = items.add(listId, user.id(), form.paperId(), form.note());
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/lists/" + listId + "#item-" + added.itemId()),
                "“" + added.title() + "” is on the list now.");
    }

    /** From a paper's page: adds it to the list the form names, and goes back to the paper. */
    public void addFromPaper(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long paperId = Params.pathId(ctx, "id", "Paper");
        items.add(ListChoiceForm.read(ctx).listId(), user.id(), paperId, "");
        SafeRedirect.to(ctx, "/papers/" + paperId + "#lists-heading", "The paper is on the list now.");
    }

    public void remove(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        items.remove(listId, Params.pathId(ctx, "itemId", "Item"), user.id());
        SafeRedirect.to(ctx, "/lists/" + listId, "Removed from the list.");
    }

    public void move(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        MoveForm move = MoveForm.read(ctx);
        items.move(listId, user.id(), move);
        SafeRedirect.to(ctx, "/lists/" + listId + "#item-" + move.itemId(), null);
    }

    /** The whole order, from app.js: answers the items as they are now, in place. */
    public void reorder(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        items.reorder(listId, user.id(), OrderForm.read(ctx));
        if (InPlace.fragment(ctx) != null) {
            listPage.show(ctx);
            return;
        }
        SafeRedirect.to(ctx, "/lists/" + listId, "The new order is saved.");
    }

    public void setNote(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        long itemId = Params.pathId(ctx, "itemId", "Item");
        items.setNote(listId, itemId, user.id(), ItemNoteForm.read(ctx).note());
        SafeRedirect.to(ctx, "/lists/" + listId + "/items/" + itemId, "The note is saved.");
    }

    public void schedule(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        long itemId = Params.pathId(ctx, "itemId", "Item");
        SessionForm session = SessionForm.read(ctx);
        sessions.schedule(listId, itemId, user.id(), session);
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/lists/" + listId + "/items/" + itemId),
                session.date() == null ? "The session is cleared." : "The session is scheduled.");
    }
}
