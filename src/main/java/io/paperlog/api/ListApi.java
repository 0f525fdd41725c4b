package io.paperlog.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperlog.api.ApiBody.Field;
import io.paperlog.api.ApiBody.Kind;
import io.paperlog.api.ApiJson.ItemJson;
import io.paperlog.api.ApiJson.ListJson;
import io.paperlog.api.ApiJson.ListSummaryJson;
import io.paperlog.lists.ItemForm;
import io.paperlog.lists.ItemNoteForm;
import io.paperlog.lists.ItemStore;
import io.paperlog.lists.ListAccess;
import io.paperlog.lists.ListForm;
import io.paperlog.lists.ListStore;
import io.paperlog.lists.OrderForm;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Params;
import java.util.List;

/**
 * Reading lists and their papers, with the roles the pages keep: anyone who may see a list reads it (others get a
 * 404); its owner and editors add, remove, annotate and order its papers (a viewer gets a 403). An order is sent
 * against the list's version, and a stale one is a 409, as on the page.
 */
public final class ListApi {

    static final List<Field> LIST = List.of(Field.of("name", Kind.TEXT), Field.of("description", Kind.TEXT),
            Field.of("visibility", Kind.TEXT));
    static final List<Field> ITEM = List.of(new Field("paper_id", Kind.WHOLE_NUMBER, "paper"), Field.of("note", Kind.TEXT));
    static final List<Field> NOTE = List.of(Field.of("note", Kind.TEXT));
    static final List<Field> ORDER = List.of(new Field("item_ids", Kind.NUMBER_LIST, "order"),
            Field.of("version", Kind.WHOLE_NUMBER));

    private final ListStore lists;
    private final ItemStore items;

    ListApi(ListStore lists, ItemStore items) {
        this.lists = lists;
        this.items = items;
    }

    public void index(Context ctx) {
        Api.send(ctx, lists.visibleTo(CurrentUser.of(ctx).id()).stream().map(ListSummaryJson::of).toList());
    }

    public void show(Context ctx) {
        send(ctx, Params.pathId(ctx, "id", "List"));
    }

    public void create(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = lists.create(user.id(), ListForm.read(ApiBody.read(ctx, LIST)));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/lists/" + id);
        send(ctx, id);
    }

    public void addItem(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        ItemForm form = ItemForm.read(ApiBody.read(ctx, ITEM));
        long itemId = items.add(listId, user.id(), form.paperId(), form.note()).itemId();
        ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/lists/" + listId + "/items/" + itemId);
        Api.send(ctx, ItemJson.of(items.item(listId, itemId, user.id())));
    }

    public void setNote(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long listId = Params.pathId(ctx, "id", "List");
        long itemId = Params.pathId(ctx, "itemId", "Item");
        items.setNote(listId, itemId, user.id(), ItemNoteForm.read(ApiBody.read(ctx, NOTE)).note());
        Api.send(ctx, ItemJson.of(items.item(listId, itemId, user.id())));
    }

    public void removeItem(Context ctx) {
        items.remove(Params.pathId(ctx, "id", "List"), Params.pathId(ctx, "itemId", "Item"), CurrentUser.of(ctx).id());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    public void reorder(Context ctx) {
        long listId = Params.pathId(ctx, "id", "List");
        items.reorder(listId, CurrentUser.of(ctx).id(), OrderForm.read(ApiBody.read(ctx, ORDER)));
        send(ctx, listId);
    }

    private void send(Context ctx, long listId) {
        long viewer = CurrentUser.of(ctx).id();
        ListAccess access = lists.require(listId, viewer);
        Api.send(ctx, ListJson.of(access, items.items(listId, viewer)));
    }
}
