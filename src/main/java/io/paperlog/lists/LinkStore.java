package io.paperlog.lists;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.LIST_CALENDAR;
import static io.paperlog.db.schema.Tables.LIST_ITEM;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.READING_LIST;

import io.paperlog.db.Database;
import io.paperlog.web.Tokens;
import java.util.List;
import java.util.Optional;

/**
 * The two ways into a list without a session, each an unguessable token in an address: a person's own calendar
 * link (it works while they may see the list) and the list's public read-only link (while the owner keeps it on).
 */
public final class LinkStore {

    private final Database db;

    public LinkStore(Database db) {
        this.db = db;
    }

    /** {@code viewerId}'s own calendar link token for the list, if they asked for one. */
    public Optional<String> calendarToken(long listId, long viewerId) {
        return db.read().select(LIST_CALENDAR.TOKEN).from(LIST_CALENDAR)
                .where(LIST_CALENDAR.LIST_ID.eq(listId), LIST_CALENDAR.ACCOUNT_ID.eq(viewerId))
                .fetchOptional(LIST_CALENDAR.TOKEN);
    }

    /** Makes (or keeps) {@code viewerId}'s calendar link token for a list they may see. */
    public String createCalendarToken(long listId, long viewerId, boolean renew) {
        String fresh = Tokens.newToken();
        return db.write(dsl -> {
            ListStore.require(dsl, listId, viewerId, Role.VIEWER);
            if (renew) {
                dsl.deleteFrom(LIST_CALENDAR)
                        .where(LIST_CALENDAR.LIST_ID.eq(listId), LIST_CALENDAR.ACCOUNT_ID.eq(viewerId)).execute();
            }
            dsl.insertInto(LIST_CALENDAR).set(LIST_CALENDAR.TOKEN, fresh).set(LIST_CALENDAR.LIST_ID, listId)
                    .set(LIST_CALENDAR.ACCOUNT_ID, viewerId).onConflictDoNothing().execute();
            return dsl.select(LIST_CALENDAR.TOKEN).from(LIST_CALENDAR)
                    .where(LIST_CALENDAR.LIST_ID.eq(listId), LIST_CALENDAR.ACCOUNT_ID.eq(viewerId))
                    .fetchOne(LIST_CALENDAR.TOKEN);
        });
    }

    /** A calendar link's list, as its person (an active account) may see it. */
    public record Calendar(ListAccess access, long accountId) {}

    /** The list a calendar link is for, as its person sees it: only while they are active and may see the list. */
    public Optional<Calendar> byCalendarToken(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return db.read().select(LIST_CALENDAR.LIST_ID, LIST_CALENDAR.ACCOUNT_ID).from(LIST_CALENDAR)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(LIST_CALENDAR.ACCOUNT_ID))
                .where(LIST_CALENDAR.TOKEN.eq(token), ACCOUNT.IS_ACTIVE.eq(1))
                .fetchOptional()
                .flatMap(r -> ListStore.access(db.read(), r.value1(), r.value2()).map(access -> new Calendar(access, r.value2())));
    }

    /** Turns the public link on (a new token) or off; returns the token, or null. */
    public String setPublicLink(long listId, long actorId, boolean on) {
        String token = on ? Tokens.newToken() : null;
        db.write(dsl -> {
            ListStore.require(dsl, listId, actorId, Role.OWNER);
            return dsl.update(READING_LIST).set(READING_LIST.PUBLIC_TOKEN, token)
                    .where(READING_LIST.ID.eq(listId)).execute();
        });
        return token;
    }

    /** The list a public link shows, while the link is on and its owner's account active. */
    public Optional<ReadingList> byPublicToken(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return db.read().select(READING_LIST.fields()).select(ListStore.OWNER.DISPLAY_NAME, ListStore.OWNER.IS_ACTIVE)
                .from(READING_LIST).join(ListStore.OWNER).on(ListStore.OWNER.ID.eq(READING_LIST.OWNER_ID))
                .where(READING_LIST.PUBLIC_TOKEN.eq(token), ListStore.OWNER.IS_ACTIVE.eq(1))
                .fetchOptional(ListStore::toList);
    }

    /** The items of the list a public link shows, on the same terms as {@link #byPublicToken}. */
    public List<PublicItem> publicItems(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return List.of();
        }
        return db.read().select(LIST_ITEM.PAPER_ID, PAPER.RANK, PAPER.TITLE, LIST_ITEM.NOTE, LIST_ITEM.SESSION_ON)
                .from(LIST_ITEM)
                .join(PAPER).on(PAPER.ID.eq(LIST_ITEM.PAPER_ID))
                .join(READING_LIST).on(READING_LIST.ID.eq(LIST_ITEM.LIST_ID))
                .join(ListStore.OWNER).on(ListStore.OWNER.ID.eq(READING_LIST.OWNER_ID))
                .where(READING_LIST.PUBLIC_TOKEN.eq(token), ListStore.OWNER.IS_ACTIVE.eq(1))
                .orderBy(LIST_ITEM.POSITION, LIST_ITEM.ID)
                .fetch(r -> new PublicItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
