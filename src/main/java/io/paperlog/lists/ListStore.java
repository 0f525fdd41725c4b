package io.paperlog.lists;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.LIST_ITEM;
import static io.paperlog.db.schema.Tables.LIST_MEMBER;
import static io.paperlog.db.schema.Tables.READING_LIST;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.Account;
import io.paperlog.privacy.Visible;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Lists and their settings, and who may do what with one. Every query is for one person, and answers only what they may see; every
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

    static Optional<ListAccess> access(DSLContext dsl, long listId, long viewerId) {
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

    static Role role(long ownerId, String memberRole, long viewerId) {
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
            long id = insert(dsl, ownerId, form, now);
            activity.list(dsl, ownerId, id);
            return id;
        });
    }

    private static long insert(DSLContext dsl, long ownerId, ListForm form, String now) {
        return dsl.insertInto(READING_LIST)
                .set(READING_LIST.OWNER_ID, ownerId)
                .set(READING_LIST.NAME, form.name())
                .set(READING_LIST.DESCRIPTION, form.description())
                .set(READING_LIST.VISIBILITY, form.visibility().slug())
                .set(READING_LIST.CREATED_AT, now)
                .set(READING_LIST.UPDATED_AT, now)
                .returningResult(READING_LIST.ID).fetchOne(READING_LIST.ID);
    }

    /**
     * Makes a list holding {@code paperIds} in that order, in one transaction (a saved filter's papers): the team
     * hears of the new list once, not of every paper on it.
     */
    public long createWith(long ownerId, ListForm form, List<Long> paperIds) {
        if (paperIds.size() > OrderForm.MAX_ITEMS) {
            throw UserError.conflict("A list holds at most " + OrderForm.MAX_ITEMS + " papers; narrow the filter first.");
        }
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            long id = insert(dsl, ownerId, form, now);
            int position = 1;
            for (long paperId : paperIds) {
                dsl.insertInto(LIST_ITEM).set(LIST_ITEM.LIST_ID, id).set(LIST_ITEM.PAPER_ID, paperId)
                        .set(LIST_ITEM.POSITION, position++).set(LIST_ITEM.ADDED_BY, ownerId)
                        .set(LIST_ITEM.ADDED_AT, now).execute();
            }
            activity.list(dsl, ownerId, id);
            return id;
        });
    }

    /** Renames, describes and sets who may see the list; an admin looking after it may not make it private. */
    public void update(long listId, long actorId, ListForm form) {
        db.write(dsl -> {
            ReadingList list = require(dsl, listId, actorId, Role.OWNER).list();
            if (list.ownerId() != actorId && form.visibility() == Visibility.PRIVATE) {
                throw UserError.invalid("visibility", "Only the list's owner can make it private; hand it to "
                        + "someone first.");
            }
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
}
