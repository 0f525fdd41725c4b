package io.paperlog.io;

import static io.paperlog.db.schema.Tables.ANNOTATION;
import static io.paperlog.db.schema.Tables.ANNOTATION_REPLY;
import static io.paperlog.db.schema.Tables.ANNOTATION_TAG;
import static io.paperlog.db.schema.Tables.LIST_COMMENT;
import static io.paperlog.db.schema.Tables.LIST_ITEM;
import static io.paperlog.db.schema.Tables.LIST_MEMBER;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.READING_LIST;

import io.paperlog.io.Bundle.AnnotationEntry;
import io.paperlog.io.Bundle.CommentEntry;
import io.paperlog.io.Bundle.ItemEntry;
import io.paperlog.io.Bundle.ListEntry;
import io.paperlog.io.Bundle.MemberEntry;
import io.paperlog.io.Bundle.Person;
import io.paperlog.io.Bundle.ReplyEntry;
import io.paperlog.io.Checks.Refused;
import io.paperlog.io.ImportStore.Run;
import io.paperlog.io.Report.Outcome;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jooq.impl.DSL;

/**
 * The part of an import that touches what a person shares: their annotations and the replies they wrote, the lists
 * they own (with items, members and sessions) and the comments they wrote. A reply or comment lands only where the
 * person may write it today (a teammate's shared annotation, a list they may see); their lists are matched by name.
 */
final class SharedImportStore {

    private static final Set<String> COLOURS = Set.of("yellow", "green", "blue", "pink");
    private static final Set<String> LIST_VISIBILITIES = Set.of("private", "team", "members");
    private static final Set<String> ROLES = Set.of("viewer", "editor");

    private SharedImportStore() {}

    static void apply(Run run, Person person) {
        for (AnnotationEntry a : person.annotations()) {
            ImportStore.withPaper(run, "annotations", a.paper(), id -> annotation(run, id, a));
        }
        for (ReplyEntry r : person.replies()) {
            ImportStore.withPaper(run, "replies", r.annotation().paper(), id -> reply(run, id, r));
        }
        for (ListEntry list : person.lists()) {
            try {
                list(run, list);
            } catch (Refused refused) {
                run.report.skip("lists", "list " + Checks.shown(String.valueOf(list.name())), refused.getMessage());
            }
        }
        for (CommentEntry c : person.comments()) {
            ImportStore.withPaper(run, "comments", c.paper(), id -> comment(run, id, c));
        }
    }

    private static void annotation(Run run, long paperId, AnnotationEntry a) {
        String exact = Checks.text(a.exact(), "The highlighted text", 1, 2000);
        String prefix = Checks.text(a.prefix(), "The text before it", 0, 32);
        String suffix = Checks.text(a.suffix(), "The text after it", 0, 32);
        String body = Checks.text(a.body(), "The comment", 0, 5000);
        String colour = Checks.oneOf(a.colour(), "The colour", COLOURS);
        String visibility = Checks.oneOf(a.visibility(), "Who sees it", ImportStore.VISIBILITIES);
        String created = Checks.instant(a.createdAt(), "When it was made");
        String updated = Checks.instant(a.updatedAt(), "When it was changed");
        String resolved = Checks.optionalInstant(a.resolvedAt(), "When it was resolved");
        String abstractText = run.dsl.select(PAPER.ABSTRACT).from(PAPER).where(PAPER.ID.eq(paperId)).fetchOne().value1();
        if (a.start() < 0 || a.end() > abstractText.length() || a.start() >= a.end()
                || !abstractText.substring(a.start(), a.end()).equals(exact)) {
            throw new Refused("The highlighted text is not at that place in this paper's abstract.");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : a.tags()) {
            tags.add(Checks.text(tag, "A tag", 1, 40));
        }
        String what = run.title(a.paper()) + ": " + Checks.shown(exact);
        boolean known = run.dsl.fetchExists(ANNOTATION, ANNOTATION.USER_ID.eq(run.userId),
                ANNOTATION.PAPER_ID.eq(paperId), ANNOTATION.POSITION_START.eq(a.start()),
                ANNOTATION.POSITION_END.eq(a.end()), ANNOTATION.CREATED_AT.eq(created));
        if (known) {
            run.report.record("annotations", Outcome.MATCHED, what);
            return;
        }
        long id = run.dsl.insertInto(ANNOTATION).set(ANNOTATION.USER_ID, run.userId).set(ANNOTATION.PAPER_ID, paperId)
                .set(ANNOTATION.QUOTE_EXACT, exact).set(ANNOTATION.QUOTE_PREFIX, prefix)
                .set(ANNOTATION.QUOTE_SUFFIX, suffix).set(ANNOTATION.POSITION_START, a.start())
                .set(ANNOTATION.POSITION_END, a.end()).set(ANNOTATION.BODY, body).set(ANNOTATION.COLOUR, colour)
                .set(ANNOTATION.VISIBILITY, visibility).set(ANNOTATION.RESOLVED_AT, resolved)
                .set(ANNOTATION.CREATED_AT, created).set(ANNOTATION.UPDATED_AT, updated)
                .returningResult(ANNOTATION.ID).fetchOne().value1();
        for (String tag : tags) {
            run.dsl.insertInto(ANNOTATION_TAG).set(ANNOTATION_TAG.ANNOTATION_ID, id).set(ANNOTATION_TAG.TAG, tag).execute();
        }
        run.report.record("annotations", Outcome.CREATED, what);
    }

    private static void reply(Run run, long paperId, ReplyEntry r) {
        String body = Checks.text(r.body(), "The reply", 1, 5000);
        String created = Checks.instant(r.createdAt(), "When it was written");
        Long owner = run.account(r.annotation().owner());
        Long annotationId = owner == null ? null : run.dsl.select(ANNOTATION.ID).from(ANNOTATION)
                .where(ANNOTATION.USER_ID.eq(owner), ANNOTATION.PAPER_ID.eq(paperId),
                        ANNOTATION.POSITION_START.eq(r.annotation().start()),
                        ANNOTATION.POSITION_END.eq(r.annotation().end()),
                        ANNOTATION.CREATED_AT.eq(String.valueOf(r.annotation().createdAt())),
                        ANNOTATION.USER_ID.eq(run.userId).or(ANNOTATION.VISIBILITY.eq("team")))
                .fetchOptional(x -> x.value1()).orElse(null);
        if (annotationId == null) {
            throw new Refused("The annotation it answers is not here (or not shared with you); import "
                    + "it again once its author has imported theirs.");
        }
        String what = run.title(r.annotation().paper()) + ": " + Checks.shown(body);
        boolean known = run.dsl.fetchExists(ANNOTATION_REPLY, ANNOTATION_REPLY.ANNOTATION_ID.eq(annotationId),
                ANNOTATION_REPLY.USER_ID.eq(run.userId), ANNOTATION_REPLY.CREATED_AT.eq(created),
                ANNOTATION_REPLY.BODY.eq(body));
        if (!known) {
            run.dsl.insertInto(ANNOTATION_REPLY).set(ANNOTATION_REPLY.ANNOTATION_ID, annotationId)
                    .set(ANNOTATION_REPLY.USER_ID, run.userId).set(ANNOTATION_REPLY.BODY, body)
                    .set(ANNOTATION_REPLY.CREATED_AT, created).execute();
        }
        run.report.record("replies", known ? Outcome.MATCHED : Outcome.CREATED, what);
    }

    private static void list(Run run, ListEntry l) {
        String name = Checks.text(l.name(), "The list's name", 1, 120);
        String description = Checks.text(l.description(), "The description", 0, 5000);
        String visibility = Checks.oneOf(l.visibility(), "Who sees the list", LIST_VISIBILITIES);
        String created = Checks.instant(l.createdAt(), "When the list was made");
        String updated = Checks.instant(l.updatedAt(), "When the list was changed");
        Long listId = run.dsl.select(READING_LIST.ID).from(READING_LIST)
                .where(READING_LIST.OWNER_ID.eq(run.userId), READING_LIST.NAME.eq(name))
                .orderBy(READING_LIST.ID).limit(1).fetchOptional(r -> r.value1()).orElse(null);
        boolean fresh = listId == null;
        if (fresh) {
            listId = run.dsl.insertInto(READING_LIST).set(READING_LIST.OWNER_ID, run.userId)
                    .set(READING_LIST.NAME, name).set(READING_LIST.DESCRIPTION, description)
                    .set(READING_LIST.VISIBILITY, visibility).set(READING_LIST.CREATED_AT, created)
                    .set(READING_LIST.UPDATED_AT, updated)
                    .returningResult(READING_LIST.ID).fetchOne().value1();
        }
        run.report.record("lists", fresh ? Outcome.CREATED : Outcome.MATCHED, name);
        for (MemberEntry m : l.members()) {
            String where = "member " + Checks.shown(String.valueOf(m.username())) + " of " + Checks.shown(name);
            try {
                member(run, listId, name, m);
            } catch (Refused refused) {
                run.report.skip("list members", where, refused.getMessage());
            }
        }
        for (ItemEntry item : l.items()) {
            long id = listId;
            ImportStore.withPaper(run, "list papers", item.paper(), paperId -> item(run, id, fresh, name, paperId, item));
        }
    }

    private static void member(Run run, long listId, String listName, MemberEntry m) {
        String role = Checks.oneOf(m.role(), "The role", ROLES);
        String added = Checks.instant(m.addedAt(), "When they were added");
        Long account = run.account(m.username());
        if (account == null) {
            throw new Refused("Nobody here is called " + m.username() + ".");
        }
        if (account == run.userId) {
            throw new Refused("You own the list.");
        }
        String what = m.username() + " in " + listName;
        if (run.dsl.fetchExists(LIST_MEMBER, LIST_MEMBER.LIST_ID.eq(listId), LIST_MEMBER.ACCOUNT_ID.eq(account))) {
            run.report.record("list members", Outcome.MATCHED, what);
            return;
        }
        run.dsl.insertInto(LIST_MEMBER).set(LIST_MEMBER.LIST_ID, listId).set(LIST_MEMBER.ACCOUNT_ID, account)
                .set(LIST_MEMBER.ROLE, role).set(LIST_MEMBER.ADDED_AT, added).execute();
        run.report.record("list members", Outcome.CREATED, what);
    }

    private static void item(Run run, long listId, boolean fresh, String listName, long paperId, ItemEntry i) {
        String note = Checks.text(i.note(), "The paper's note in the list", 0, 5000);
        String added = Checks.instant(i.addedAt(), "When it was added");
        String session = Checks.date(i.sessionOn(), "The session's date");
        String what = run.title(i.paper()) + " in " + listName;
        if (run.dsl.fetchExists(LIST_ITEM, LIST_ITEM.LIST_ID.eq(listId), LIST_ITEM.PAPER_ID.eq(paperId))) {
            run.report.record("list papers", Outcome.MATCHED, what);
            return;
        }
        Long presenter = run.account(i.presenter());
        if (i.presenter() != null && presenter == null) {
            run.report.problems().add(new Report.Problem(what, "Nobody here is called " + i.presenter()
                    + ", so the session has no presenter."));
        }
        int position = fresh ? i.position() : run.dsl.select(DSL.coalesce(DSL.max(LIST_ITEM.POSITION), 0))
                .from(LIST_ITEM).where(LIST_ITEM.LIST_ID.eq(listId)).fetchOne().value1() + 1;
        run.dsl.insertInto(LIST_ITEM).set(LIST_ITEM.LIST_ID, listId).set(LIST_ITEM.PAPER_ID, paperId)
                .set(LIST_ITEM.POSITION, position).set(LIST_ITEM.NOTE, note)
                .set(LIST_ITEM.ADDED_BY, i.addedBy() == null ? null : run.account(i.addedBy()))
                .set(LIST_ITEM.ADDED_AT, added).set(LIST_ITEM.SESSION_ON, session)
                .set(LIST_ITEM.PRESENTER_ID, session == null ? null : presenter).execute();
        run.report.record("list papers", Outcome.CREATED, what);
    }

    private static void comment(Run run, long paperId, CommentEntry c) {
        String body = Checks.text(c.body(), "The comment", 1, 5000);
        String created = Checks.instant(c.createdAt(), "When it was written");
        String updated = Checks.instant(c.updatedAt(), "When it was changed");
        Long owner = run.account(c.list().owner());
        Long itemId = owner == null ? null : run.dsl.select(LIST_ITEM.ID).from(LIST_ITEM).join(READING_LIST)
                .on(READING_LIST.ID.eq(LIST_ITEM.LIST_ID))
                .where(READING_LIST.OWNER_ID.eq(owner), READING_LIST.NAME.eq(String.valueOf(c.list().name())),
                        LIST_ITEM.PAPER_ID.eq(paperId))
                .and(READING_LIST.OWNER_ID.eq(run.userId).or(READING_LIST.VISIBILITY.eq("team"))
                        .or(DSL.exists(DSL.selectOne().from(LIST_MEMBER).where(LIST_MEMBER.LIST_ID.eq(READING_LIST.ID),
                                LIST_MEMBER.ACCOUNT_ID.eq(run.userId)))))
                .orderBy(READING_LIST.ID).limit(1).fetchOptional(r -> r.value1()).orElse(null);
        if (itemId == null) {
            throw new Refused("The list " + Checks.shown(String.valueOf(c.list().name())) + " of "
                    + c.list().owner() + " is not here with this paper on it (or you may not see it); import it "
                    + "again once the list's owner has imported theirs.");
        }
        String what = run.title(c.paper()) + " in " + c.list().name() + ": " + Checks.shown(body);
        boolean known = run.dsl.fetchExists(LIST_COMMENT, LIST_COMMENT.ITEM_ID.eq(itemId),
                LIST_COMMENT.AUTHOR_ID.eq(run.userId), LIST_COMMENT.CREATED_AT.eq(created), LIST_COMMENT.BODY.eq(body));
        if (!known) {
            run.dsl.insertInto(LIST_COMMENT).set(LIST_COMMENT.ITEM_ID, itemId).set(LIST_COMMENT.AUTHOR_ID, run.userId)
                    .set(LIST_COMMENT.BODY, body).set(LIST_COMMENT.CREATED_AT, created)
                    .set(LIST_COMMENT.UPDATED_AT, updated).execute();
        }
        run.report.record("comments", known ? Outcome.MATCHED : Outcome.CREATED, what);
    }
}
