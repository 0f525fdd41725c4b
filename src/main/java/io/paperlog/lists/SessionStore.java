package io.paperlog.lists;

import static io.paperlog.db.schema.Tables.LIST_ITEM;
import static io.paperlog.db.schema.Tables.READING_LIST;

import io.paperlog.activity.ActivityLog;
import io.paperlog.activity.ActivityLog.ListPlace;
import io.paperlog.activity.ActivityLog.Reason;
import io.paperlog.db.Database;
import io.paperlog.privacy.Visible;
import io.paperlog.web.UserError;
import java.util.List;
import org.jooq.DSLContext;

/** Reading-group sessions: a list's item scheduled for a day, with who presents it, and the presenter told. */
public final class SessionStore {

    private final Database db;
    private final ActivityLog activity;

    public SessionStore(Database db, ActivityLog activity) {
        this.db = db;
        this.activity = activity;
    }

    /**
     * Schedules the item for a session (or clears it, with no date). The presenter must be someone who may see the
     * list; they are told.
     */
    public void schedule(long listId, long itemId, long actorId, SessionForm session) {
        db.write(dsl -> {
            ListStore.require(dsl, listId, actorId, Role.EDITOR);
            Long presenterId = session.presenter() == null ? null : presenter(dsl, listId, session.presenter());
            String date = session.date() == null ? null : session.date().toString();
            ItemStore.requireOne(dsl.update(LIST_ITEM).set(LIST_ITEM.SESSION_ON, date).set(LIST_ITEM.PRESENTER_ID, presenterId)
                    .where(LIST_ITEM.ID.eq(itemId), LIST_ITEM.LIST_ID.eq(listId)).execute());
            if (date != null) {
                long paperId = dsl.select(LIST_ITEM.PAPER_ID).from(LIST_ITEM).where(LIST_ITEM.ID.eq(itemId))
                        .fetchOne(LIST_ITEM.PAPER_ID);
                long entry = activity.session(dsl, actorId, new ListPlace(listId, itemId, paperId), date, presenterId);
                if (presenterId != null) {
                    activity.notify(dsl, entry, Reason.PRESENTING, List.of(presenterId));
                }
            }
            return null;
        });
    }

    private static long presenter(DSLContext dsl, long listId, String username) {
        String refusal = "The presenter must be someone who can see this list.";
        long id = MemberStore.activeAccount(dsl, username, "presenter", refusal).accountId();
        if (!dsl.fetchExists(READING_LIST, READING_LIST.ID.eq(listId), Visible.listRow(READING_LIST, id))) {
            throw UserError.invalid("presenter", refusal);
        }
        return id;
    }
}
