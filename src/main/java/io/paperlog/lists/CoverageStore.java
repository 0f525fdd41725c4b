package io.paperlog.lists;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.LIST_ITEM;
import static io.paperlog.db.schema.Tables.READING_LIST;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.privacy.Visible;
import io.paperlog.tracking.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Coverage of a list: its people (the owner; for a members list the members, for a team list everyone active)
 * whose statuses the viewer may see, against its items. Two queries, whatever the size of the list.
 */
public final class CoverageStore {

    private final Database db;

    public CoverageStore(Database db) {
        this.db = db;
    }

    public Coverage coverage(ListAccess access, List<ListItem> items, long viewerId) {
        long listId = access.id();
        // the list's people are those who may see it, and of them those whose statuses the viewer may see
        Condition people = ACCOUNT.IS_ACTIVE.eq(1).and(Visible.statusesOf(ACCOUNT.ID, viewerId))
                .and(Visible.listRow(READING_LIST, ACCOUNT.ID))
                .and(READING_LIST.ID.eq(listId)).and(Visible.listRow(READING_LIST, viewerId));
        List<Member> who = db.read().select(ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME).from(ACCOUNT)
                .crossJoin(READING_LIST).where(people)
                .orderBy(DSL.when(ACCOUNT.ID.eq(viewerId), 0).otherwise(1), ACCOUNT.DISPLAY_NAME.collate("NOCASE"))
                .fetch(r -> new Member(r.value1(), r.value2(), r.value3(), Role.VIEWER));
        Map<String, Status> statuses = new HashMap<>();
        db.read().select(READING_STATUS.USER_ID, READING_STATUS.PAPER_ID, READING_STATUS.STATUS)
                .from(READING_STATUS)
                .join(LIST_ITEM).on(LIST_ITEM.PAPER_ID.eq(READING_STATUS.PAPER_ID), LIST_ITEM.LIST_ID.eq(listId))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(READING_STATUS.USER_ID))
                .crossJoin(READING_LIST)
                .where(people)
                .forEach(r -> statuses.put(r.value1() + "/" + r.value2(), Status.fromSlug(r.value3()).orElse(Status.NONE)));
        return assemble(who, items, statuses);
    }

    /** The matrix from the people, the items and each person's status by "account/paper". */
    private static Coverage assemble(List<Member> who, List<ListItem> items, Map<String, Status> statuses) {
        int[] readBy = new int[who.size()];
        List<Coverage.Row> rows = new ArrayList<>();
        for (ListItem item : items) {
            List<Coverage.Cell> cells = new ArrayList<>(who.size());
            int read = 0;
            for (int p = 0; p < who.size(); p++) {
                Member person = who.get(p);
                Status status = statuses.getOrDefault(person.accountId() + "/" + item.paperId(), Status.NONE);
                cells.add(new Coverage.Cell(status, person.displayName() + ": " + status.getLabel()));
                if (status == Status.READ) {
                    read++;
                    readBy[p]++;
                }
            }
            rows.add(new Coverage.Row(item, List.copyOf(cells), read));
        }
        List<Coverage.Person> people = new ArrayList<>();
        for (int p = 0; p < who.size(); p++) {
            people.add(new Coverage.Person(who.get(p).accountId(), who.get(p).displayName(), readBy[p], items.size()));
        }
        return new Coverage(List.copyOf(people), List.copyOf(rows));
    }
}
