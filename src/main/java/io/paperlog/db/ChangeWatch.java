package io.paperlog.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.Function;

/**
 * Numbers that move after every commit of the writer that changed a watched group of tables (accounts and
 * sessions; papers), so that what is kept in memory from those tables (the live sessions, papers by id) is known to
 * be current while its group's number stands. Temporary triggers on the writer's connection call a function of
 * this class: they see every change, including those to WITHOUT ROWID tables and those of cascading deletes. A
 * number moves after the commit and before any of its writers hears back, so a copy read before the change was
 * committed is never taken as current; a rolled-back change moves it too, which only costs a reload.
 */
final class ChangeWatch {

    /** The groups of tables watched, each by the tables in it. */
    enum Group {
        ACCOUNTS(List.of("account", "session")),
        PAPERS(List.of("paper"));

        final List<String> tables;

        Group(List<String> tables) {
            this.tables = tables;
        }
    }

    private static final String FUNCTION = "paperlog_watched_table_changed";

    private final Map<Group, AtomicLong> versions = Map.of(Group.ACCOUNTS, new AtomicLong(), Group.PAPERS,
            new AtomicLong());
    /** The groups changed in the transaction under way: written and read on the writer's thread only. */
    private final boolean[] changed = new boolean[Group.values().length];

    private ChangeWatch() {}

    static ChangeWatch install(Connection writer) throws SQLException {
        ChangeWatch watch = new ChangeWatch();
        Function.create(writer, FUNCTION, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                watch.changed[Group.valueOf(value_text(0)).ordinal()] = true;
            }
        });
        try (Statement statement = writer.createStatement()) {
            for (Group group : Group.values()) {
                for (String table : group.tables) {
                    for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                        statement.execute("CREATE TEMP TRIGGER watch_" + table + "_" + event.toLowerCase() + " AFTER "
                                + event + " ON main." + table + " BEGIN SELECT " + FUNCTION + "('" + group.name()
                                + "'); END");
                    }
                }
            }
        }
        return watch;
    }

    long version(Group group) {
        return versions.get(group).get();
    }

    /** Called by the writer once a transaction has ended, committed or not, before its callers are answered. */
    void transactionEnded() {
        for (Group group : Group.values()) {
            if (changed[group.ordinal()]) {
                changed[group.ordinal()] = false;
                versions.get(group).incrementAndGet();
            }
        }
    }
}
