package io.paperlog.lists;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.LIST_CALENDAR;
import static io.paperlog.db.schema.Tables.LIST_ITEM;
import static io.paperlog.db.schema.Tables.LIST_MEMBER;
import static io.paperlog.db.schema.Tables.READING_LIST;

import io.paperlog.activity.ActivityLog;
import io.paperlog.activity.ActivityLog.Reason;
import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.Account;
import io.paperlog.privacy.Visible;
import io.paperlog.web.Tokens;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Lists, their settings and members. Every query is for one person, and answers only what they may see; every
 * change checks, in its own transaction, that the person's role allows it (404 for a list they may not see, 403
 * for a change their role does not allow).
 */
public final class ListStore {

    static final Account OWNER = ACCOUNT.as("owner");

    private final Database db;
    private final Clock clock;
    private final ActivityLog activity;

    public ListStore(Database db, Clock clock, ActivityLog activity) {
        this.db = db;
        this.clock = clock;
        this.activity = activity;
    }

    /** The lists {@code viewerId} may see: their own and those shared with them, by name. */
    public List<ListSummary> visibleTo(long viewerId) {
        String today = Timestamps.today(clock).toString();
        return db.read()
                .select(READING_LIST.ID, READING_LIST.NAME, READING_LIST.VISIBILITY, READING_LIST.OWNER_ID,
                        OWNER.DISPLAY_NAME, LIST_MEMBER.ROLE,
                        DSL.field(DSL.selectCount().from(LIST_ITEM).where(LIST_ITEM.LIST_ID.eq(READING_LIST.ID))),
                        DSL.field(DSL.select(DSL.min(LIST_ITEM.SESSION_ON)).from(LIST_ITEM)
                                .where(LIST_ITEM.LIST_ID.eq(READING_LIST.ID), LIST_ITEM.SESSION_ON.ge(today))))
                .from(READING_LIST)
                .join(OWNER).on(OWNER.ID.eq(READING_LIST.OWNER_ID))
                .leftJoin(LIST_MEMBER).on(LIST_MEMBER.LIST_ID.eq(READING_LIST.ID), LIST_MEMBER.ACCOUNT_ID.eq(viewerId))
                .where(Visible.listRow(READING_LIST, viewerId))
                .orderBy(READING_LIST.NAME.collate("NOCASE"), READING_LIST.ID)
                .fetch(r -> new ListSummary(r.value1(), r.value2(), Visibility.of(r.value3()).orElseThrow(),
                        role(r.value4(), r.value6(), viewerId), r.value5(), r.value7(), r.value8()));
    }

    /** The list and {@code viewerId}'s role in it, if they may see it. */
    public Optional<ListAccess> access(long listId, long viewerId) {
        return access(db.read(), listId, viewerId);
    }

    /** The list and {@code viewerId}'s role in it; 404 if they may not see it. */
    public ListAccess require(long listId, long viewerId) {
        return access(listId, viewerId).orElseThrow(ListStore::notFound);
    }

    /** Within a writer's transaction: the list and the role, which must be at least {@code needed}. */
    static ListAccess require(DSLContext dsl, long listId, long viewerId, Role needed) {
        return access(dsl, listId, viewerId).orElseThrow(ListStore::notFound).require(needed);
    }

    static UserError notFound() {
        return UserError.notFound("There is no such list, or it is not shared with you.");
    }

    private static Optional<ListAccess> access(DSLContext dsl, long listId, long viewerId) {
        Field<Boolean> viewerIsAdmin = DSL.field(DSL.exists(DSL.selectOne().from(ACCOUNT)
                .where(ACCOUNT.ID.eq(viewerId), ACCOUNT.IS_ADMIN.eq(1), ACCOUNT.IS_ACTIVE.eq(1))));
        return dsl.select(READING_LIST.fields()).select(OWNER.DISPLAY_NAME, OWNER.IS_ACTIVE, LIST_MEMBER.ROLE)
                .select(viewerIsAdmin)
                .from(READING_LIST)
                .join(OWNER).on(OWNER.ID.eq(READING_LIST.OWNER_ID))
                .leftJoin(LIST_MEMBER).on(LIST_MEMBER.LIST_ID.eq(READING_LIST.ID), LIST_MEMBER.ACCOUNT_ID.eq(viewerId))
                .where(READING_LIST.ID.eq(listId), Visible.listRow(READING_LIST, viewerId))
                .fetchOptional(r -> {
                    ReadingList list = toList(r);
                    Role role = role(list.ownerId(), r.get(LIST_MEMBER.ROLE), viewerId);
                    // a list whose owner has left is looked after by the admins who can see it
                    boolean steward = !list.ownerActive() && Boolean.TRUE.equals(r.get(viewerIsAdmin));
                    return new ListAccess(list, steward ? Role.OWNER : role);
                });
    }

    private static Role role(long ownerId, String memberRole, long viewerId) {
        return ownerId == viewerId ? Role.OWNER : memberRole == null ? Role.VIEWER : Role.stored(memberRole);
    }

    static ReadingList toList(Record r) {
        return new ReadingList(r.get(READING_LIST.ID), r.get(READING_LIST.OWNER_ID), r.get(OWNER.DISPLAY_NAME),
                r.get(OWNER.IS_ACTIVE) == 1, r.get(READING_LIST.NAME), r.get(READING_LIST.DESCRIPTION),
                Visibility.of(r.get(READING_LIST.VISIBILITY)).orElseThrow(), r.get(READING_LIST.PUBLIC_TOKEN),
                r.get(READING_LIST.VERSION), r.get(READING_LIST.CREATED_AT));
    }

    public long create(long ownerId, ListForm form) {
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            long id = dsl.insertInto(READING_LIST)
                    .set(READING_LIST.OWNER_ID, ownerId)
                    .set(READING_LIST.NAME, form.name())
                    .set(READING_LIST.DESCRIPTION, form.description())
                    .set(READING_LIST.VISIBILITY, form.visibility().slug())
                    .set(READING_LIST.CREATED_AT, now)
                    .set(READING_LIST.UPDATED_AT, now)
                    .returningResult(READING_LIST.ID).fetchOne(READING_LIST.ID);
            activity.list(dsl, ownerId, id);
            return id;
        });
    }

    public void update(long listId, long actorId, ListForm form) {
        db.write(dsl -> {
            require(dsl, listId, actorId, Role.OWNER);
            return dsl.update(READING_LIST)
                    .set(READING_LIST.NAME, form.name())
                    .set(READING_LIST.DESCRIPTION, form.description())
                    .set(READING_LIST.VISIBILITY, form.visibility().slug())
                    .set(READING_LIST.UPDATED_AT, Timestamps.now(clock))
                    .where(READING_LIST.ID.eq(listId)).execute();
        });
    }

    public void delete(long listId, long actorId) {
        db.write(dsl -> {
            require(dsl, listId, actorId, Role.OWNER);
            return dsl.deleteFrom(READING_LIST).where(READING_LIST.ID.eq(listId)).execute();
        });
    }

    /**
     * Hands the list to another active account; the old owner stays on it as an editor. A private list is refused:
     * its old owner could no longer see it. Returns the new owner's display name.
     */
    public String transfer(long listId, long actorId, String newOwner) {
        return db.write(dsl -> {
            ReadingList list = require(dsl, listId, actorId, Role.OWNER).list();
            if (list.visibility() == Visibility.PRIVATE) {
                throw UserError.invalid("owner", "A private list is seen by its owner alone: make it visible to its "
                        + "members or the team first, or you would lose it.");
            }
            long newOwnerId = requireActive(dsl, newOwner, "owner");
            if (newOwnerId == list.ownerId()) {
                throw UserError.invalid("owner", "They own this list already.");
            }
            dsl.deleteFrom(LIST_MEMBER).where(LIST_MEMBER.LIST_ID.eq(listId), LIST_MEMBER.ACCOUNT_ID.eq(newOwnerId))
                    .execute();
            dsl.update(READING_LIST).set(READING_LIST.OWNER_ID, newOwnerId)
                    .set(READING_LIST.UPDATED_AT, Timestamps.now(clock))
                    .where(READING_LIST.ID.eq(listId)).execute();
            upsertMember(dsl, listId, list.ownerId(), Role.EDITOR);
            return dsl.select(ACCOUNT.DISPLAY_NAME).from(ACCOUNT).where(ACCOUNT.ID.eq(newOwnerId)).fetchOne().value1();
        });
    }

    /** The owner first, then members by name. */
    public List<Member> members(long listId, long viewerId) {
        return db.read()
                .select(ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME, LIST_MEMBER.ROLE, READING_LIST.OWNER_ID)
                .from(READING_LIST)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(READING_LIST.OWNER_ID)
                        .or(ACCOUNT.ID.in(DSL.select(LIST_MEMBER.ACCOUNT_ID).from(LIST_MEMBER)
                                .where(LIST_MEMBER.LIST_ID.eq(READING_LIST.ID)))))
                .leftJoin(LIST_MEMBER).on(LIST_MEMBER.LIST_ID.eq(READING_LIST.ID), LIST_MEMBER.ACCOUNT_ID.eq(ACCOUNT.ID))
                .where(READING_LIST.ID.eq(listId), Visible.listRow(READING_LIST, viewerId), ACCOUNT.IS_ACTIVE.eq(1))
                .orderBy(DSL.when(ACCOUNT.ID.eq(READING_LIST.OWNER_ID), 0).otherwise(1),
                        ACCOUNT.DISPLAY_NAME.collate("NOCASE"))
                .fetch(r -> new Member(r.value1(), r.value2(), r.value3(), role(r.value5(), r.value4(), r.value1())));
    }

    /**
     * Adds {@code member} with {@code role}, or changes their role; tells them when they are new to the list.
     * Returns their display name.
     */
    public String setMember(long listId, long actorId, MemberForm member) {
        return db.write(dsl -> {
            ListAccess access = require(dsl, listId, actorId, Role.OWNER);
            long accountId = requireActive(dsl, member.username(), "username");
            if (accountId == access.list().ownerId()) {
                throw UserError.invalid("username", "The owner is on the list already.");
            }
            boolean isNew = !dsl.fetchExists(LIST_MEMBER, LIST_MEMBER.LIST_ID.eq(listId),
                    LIST_MEMBER.ACCOUNT_ID.eq(accountId));
            upsertMember(dsl, listId, accountId, member.role());
            if (isNew) {
                activity.notify(dsl, activity.member(dsl, actorId, listId, accountId), Reason.ADDED, List.of(accountId));
            }
            return dsl.select(ACCOUNT.DISPLAY_NAME).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOne().value1();
        });
    }

    public void removeMember(long listId, long actorId, long accountId) {
        db.write(dsl -> {
            require(dsl, listId, actorId, Role.OWNER);
            int removed = dsl.deleteFrom(LIST_MEMBER)
                    .where(LIST_MEMBER.LIST_ID.eq(listId), LIST_MEMBER.ACCOUNT_ID.eq(accountId)).execute();
            if (removed == 0) {
                throw UserError.notFound("That person is not a member of this list.");
            }
            return removed;
        });
    }

    /** Active accounts that could join the list: everyone but its owner and its members, by name. */
    public List<Member> candidates(long listId) {
        return db.read().select(ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME).from(ACCOUNT)
                .where(ACCOUNT.IS_ACTIVE.eq(1))
                .and(ACCOUNT.ID.notIn(DSL.select(READING_LIST.OWNER_ID).from(READING_LIST).where(READING_LIST.ID.eq(listId))))
                .and(ACCOUNT.ID.notIn(DSL.select(LIST_MEMBER.ACCOUNT_ID).from(LIST_MEMBER).where(LIST_MEMBER.LIST_ID.eq(listId))))
                .orderBy(ACCOUNT.DISPLAY_NAME.collate("NOCASE"))
                .fetch(r -> new Member(r.value1(), r.value2(), r.value3(), Role.VIEWER));
    }

    /** Everyone who may see the list, so may present its sessions: active accounts, by name. */
    public List<Member> viewers(long listId, long viewerId) {
        return db.read().select(ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME).from(ACCOUNT).crossJoin(READING_LIST)
                .where(READING_LIST.ID.eq(listId), Visible.listRow(READING_LIST, viewerId), ACCOUNT.IS_ACTIVE.eq(1),
                        Visible.listRow(READING_LIST, ACCOUNT.ID))
                .orderBy(ACCOUNT.DISPLAY_NAME.collate("NOCASE"))
                .fetch(r -> new Member(r.value1(), r.value2(), r.value3(), Role.VIEWER));
    }

    /** The lists {@code viewerId} may see that hold a paper. */
    public List<ListSummary> holding(long paperId, long viewerId) {
        return refs(viewerId, DSL.exists(DSL.selectOne().from(LIST_ITEM)
                .where(LIST_ITEM.LIST_ID.eq(READING_LIST.ID), LIST_ITEM.PAPER_ID.eq(paperId))));
    }

    /** The lists {@code viewerId} may add papers to. */
    public List<ListSummary> editable(long viewerId) {
        return refs(viewerId, READING_LIST.OWNER_ID.eq(viewerId).or(DSL.exists(DSL.selectOne().from(LIST_MEMBER)
                .where(LIST_MEMBER.LIST_ID.eq(READING_LIST.ID), LIST_MEMBER.ACCOUNT_ID.eq(viewerId),
                        LIST_MEMBER.ROLE.eq(Role.EDITOR.slug())))));
    }

    private List<ListSummary> refs(long viewerId, org.jooq.Condition which) {
        return db.read().select(READING_LIST.ID, READING_LIST.NAME, READING_LIST.VISIBILITY, READING_LIST.OWNER_ID,
                        LIST_MEMBER.ROLE)
                .from(READING_LIST)
                .leftJoin(LIST_MEMBER).on(LIST_MEMBER.LIST_ID.eq(READING_LIST.ID), LIST_MEMBER.ACCOUNT_ID.eq(viewerId))
                .where(Visible.listRow(READING_LIST, viewerId), which)
                .orderBy(READING_LIST.NAME.collate("NOCASE"), READING_LIST.ID)
                .fetch(r -> new ListSummary(r.value1(), r.value2(), Visibility.of(r.value3()).orElseThrow(),
                        role(r.value4(), r.value5(), viewerId), null, 0, null));
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
            require(dsl, listId, viewerId, Role.VIEWER);
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
                .flatMap(r -> access(r.value1(), r.value2()).map(access -> new Calendar(access, r.value2())));
    }

    /** Turns the public link on (a new token) or off; returns the token, or null. */
    public String setPublicLink(long listId, long actorId, boolean on) {
        String token = on ? Tokens.newToken() : null;
        db.write(dsl -> {
            require(dsl, listId, actorId, Role.OWNER);
            return dsl.update(READING_LIST).set(READING_LIST.PUBLIC_TOKEN, token)
                    .where(READING_LIST.ID.eq(listId)).execute();
        });
        return token;
    }

    /** The list a public link shows, while the link is on. */
    public Optional<ReadingList> byPublicToken(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return db.read().select(READING_LIST.fields()).select(OWNER.DISPLAY_NAME, OWNER.IS_ACTIVE)
                .from(READING_LIST).join(OWNER).on(OWNER.ID.eq(READING_LIST.OWNER_ID))
                .where(READING_LIST.PUBLIC_TOKEN.eq(token))
                .fetchOptional(ListStore::toList);
    }

    private int upsertMember(DSLContext dsl, long listId, long accountId, Role role) {
        return dsl.insertInto(LIST_MEMBER)
                .set(LIST_MEMBER.LIST_ID, listId).set(LIST_MEMBER.ACCOUNT_ID, accountId)
                .set(LIST_MEMBER.ROLE, role.slug()).set(LIST_MEMBER.ADDED_AT, Timestamps.now(clock))
                .onConflict(LIST_MEMBER.LIST_ID, LIST_MEMBER.ACCOUNT_ID).doUpdate()
                .set(LIST_MEMBER.ROLE, role.slug())
                .execute();
    }

    private static long requireActive(DSLContext dsl, String username, String field) {
        return dsl.select(ACCOUNT.ID).from(ACCOUNT)
                .where(ACCOUNT.USERNAME.equalIgnoreCase(username), ACCOUNT.IS_ACTIVE.eq(1))
                .fetchOptional(ACCOUNT.ID)
                .orElseThrow(() -> UserError.invalid(field, "There is no active account with the username " + username + "."));
    }

}
