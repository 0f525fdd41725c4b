package io.paperlog.privacy;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.ANNOTATION;
import static io.paperlog.db.schema.Tables.LIST_MEMBER;
import static io.paperlog.db.schema.Tables.READING_LIST;
import static io.paperlog.db.schema.Tables.READING_PRIVACY;

import io.paperlog.db.schema.tables.ReadingList;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Who may see what of whom, in one place: every store that shows one person something of another's builds its
 * query with these conditions, so that the database returns nothing the viewer may not see.
 *
 * <ul>
 * <li>A person's statuses and ratings: their own; a teammate's while that teammate's account is active and they
 *     share them (the default; "Who sees my reading" in the library turns each off).
 * <li>A list: its owner; for a team list, every active account; for a members list, the accounts on it.
 * <li>An annotation: its author; a team annotation, everyone.
 * </ul>
 */
public final class Visible {

    private Visible() {}

    /** Whether {@code viewerId} may see the statuses of the account in {@code account}. */
    public static Condition statusesOf(Field<Long> account, long viewerId) {
        return account.eq(viewerId).or(active(account)
                .andNotExists(DSL.selectOne().from(READING_PRIVACY)
                        .where(READING_PRIVACY.USER_ID.eq(account), READING_PRIVACY.STATUSES_VISIBLE.eq(0))));
    }

    /** Whether {@code viewerId} may see the ratings of the account in {@code account}. */
    public static Condition ratingsOf(Field<Long> account, long viewerId) {
        return account.eq(viewerId).or(active(account)
                .andNotExists(DSL.selectOne().from(READING_PRIVACY)
                        .where(READING_PRIVACY.USER_ID.eq(account), READING_PRIVACY.RATINGS_VISIBLE.eq(0))));
    }

    /** Whether {@code viewerId} may view the list whose id is in {@code list}. */
    public static Condition list(Field<Long> list, long viewerId) {
        ReadingList visible = READING_LIST.as("visible_list");
        return DSL.exists(DSL.selectOne().from(visible).where(visible.ID.eq(list), listRow(visible, viewerId)));
    }

    /** Whether {@code viewerId} may view the list in this row of {@code lists}. */
    public static Condition listRow(ReadingList lists, long viewerId) {
        return listRow(lists, DSL.val(viewerId));
    }

    /** Whether the account in {@code viewer} may view the list in this row of {@code lists}. */
    public static Condition listRow(ReadingList lists, Field<Long> viewer) {
        return lists.OWNER_ID.eq(viewer)
                .or(lists.VISIBILITY.eq("team"))
                .or(lists.VISIBILITY.eq("members").andExists(DSL.selectOne().from(LIST_MEMBER)
                        .where(LIST_MEMBER.LIST_ID.eq(lists.ID), LIST_MEMBER.ACCOUNT_ID.eq(viewer))));
    }

    /** Whether {@code viewerId} may see the annotation whose id is in {@code annotation}. */
    public static Condition annotation(Field<Long> annotation, long viewerId) {
        return DSL.exists(DSL.selectOne().from(ANNOTATION).where(ANNOTATION.ID.eq(annotation),
                ANNOTATION.USER_ID.eq(viewerId).or(ANNOTATION.VISIBILITY.eq("team"))));
    }

    /** Whether the account in {@code account} is active: a deactivated person's doings are shown to nobody. */
    public static Condition active(Field<Long> account) {
        return DSL.exists(DSL.selectOne().from(ACCOUNT).where(ACCOUNT.ID.eq(account), ACCOUNT.IS_ACTIVE.eq(1)));
    }
}
