package io.paperlog.lists;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.LIST_MEMBER;
import static io.paperlog.db.schema.Tables.READING_LIST;

import io.paperlog.activity.ActivityLog;
import io.paperlog.activity.ActivityLog.Reason;
import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.privacy.Visible;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Who is on a list: its members and their roles, handing it to a new owner, and who could join or present. Every
 * change is the owner's, checked in its own transaction.
 */
public final class MemberStore {

    private final Database db;
    private final Clock clock;
    private final ActivityLog activity;

    public MemberStore(Database db, Clock clock, ActivityLog activity) {
        this.db = db;
        this.clock = clock;
        this.activity = activity;
    }

    /**
     * Hands the list to another active account; the old owner stays on it as an editor. A private list is refused:
     * its old owner could no longer see it. Returns the new owner's display name.
     */
    public String transfer(long listId, long actorId, String newOwner) {
        return db.write(dsl -> {
            ReadingList list = ListStore.require(dsl, listId, actorId, Role.OWNER).list();
            if (list.visibility() == Visibility.PRIVATE) {
                throw UserError.invalid("owner", "A private list is seen by its owner alone: make it visible to its "
                        + "members or the team first, or you would lose it.");
            }
            Member owner = requireActive(dsl, newOwner, "owner");
            long newOwnerId = owner.accountId();
            if (newOwnerId == list.ownerId()) {
                throw UserError.invalid("owner", "They own this list already.");
            }
            dsl.deleteFrom(LIST_MEMBER).where(LIST_MEMBER.LIST_ID.eq(listId), LIST_MEMBER.ACCOUNT_ID.eq(newOwnerId))
                    .execute();
            dsl.update(READING_LIST).set(READING_LIST.OWNER_ID, newOwnerId)
                    .set(READING_LIST.UPDATED_AT, Timestamps.now(clock))
                    .where(READING_LIST.ID.eq(listId)).execute();
            upsertMember(dsl, listId, list.ownerId(), Role.EDITOR);
            return owner.displayName();
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
                .fetch(r -> new Member(r.value1(), r.value2(), r.value3(), ListStore.role(r.value5(), r.value4(), r.value1())));
    }

    /**
     * Adds {@code member} with {@code role}, or changes their role; tells them when they are new to the list.
     * Returns their display name.
     */
    public String setMember(long listId, long actorId, MemberForm member) {
        return db.write(dsl -> {
            ListAccess access = ListStore.require(dsl, listId, actorId, Role.OWNER);
            Member person = requireActive(dsl, member.username(), "username");
            long accountId = person.accountId();
            if (accountId == access.list().ownerId()) {
                throw UserError.invalid("username", "The owner is on the list already.");
            }
            boolean isNew = !dsl.fetchExists(LIST_MEMBER, LIST_MEMBER.LIST_ID.eq(listId),
                    LIST_MEMBER.ACCOUNT_ID.eq(accountId));
            upsertMember(dsl, listId, accountId, member.role());
            if (isNew) {
                activity.notify(dsl, activity.member(dsl, actorId, listId, accountId), Reason.ADDED, List.of(accountId));
            }
            return person.displayName();
        });
    }

    public void removeMember(long listId, long actorId, long accountId) {
        db.write(dsl -> {
            ListStore.require(dsl, listId, actorId, Role.OWNER);
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

    private int upsertMember(DSLContext dsl, long listId, long accountId, Role role) {
        return dsl.insertInto(LIST_MEMBER)
                .set(LIST_MEMBER.LIST_ID, listId).set(LIST_MEMBER.ACCOUNT_ID, accountId)
                .set(LIST_MEMBER.ROLE, role.slug()).set(LIST_MEMBER.ADDED_AT, Timestamps.now(clock))
                .onConflict(LIST_MEMBER.LIST_ID, LIST_MEMBER.ACCOUNT_ID).doUpdate()
                .set(LIST_MEMBER.ROLE, role.slug())
                .execute();
    }

    /** An active account by username (in any case), or a refusal on {@code field} saying {@code refusal}. */
    static Member activeAccount(DSLContext dsl, String username, String field, String refusal) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME).from(ACCOUNT)
                .where(ACCOUNT.USERNAME.equalIgnoreCase(username), ACCOUNT.IS_ACTIVE.eq(1))
                .fetchOptional(r -> new Member(r.value1(), r.value2(), r.value3(), Role.VIEWER))
                .orElseThrow(() -> UserError.invalid(field, refusal));
    }

    private static Member requireActive(DSLContext dsl, String username, String field) {
        return activeAccount(dsl, username, field, "There is no active account with the username " + username + ".");
    }
}
