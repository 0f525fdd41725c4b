package io.paperlog.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.Function;

/**
 * A number that moves after every commit of the writer that changed a watched table (accounts and sessions), so
 * that what is kept in memory from those tables (the live sessions) is known to be current while the number
 * stands. Temporary triggers on the writer's connection call a function of this class: they see every change,
 * including those to WITHOUT ROWID tables and those of cascading deletes. The number moves after the commit and
 * before any of its writers hears back, so a copy read before the change was committed is never taken as current;
 * a rolled-back change moves it too, which only costs a reload.
 */
final class ChangeWatch {

    static final List<String> WATCHED_TABLES = List.of("account", "session");
    private static final String FUNCTION = "paperlog_watched_table_changed";

    private final AtomicLong version = new AtomicLong();
    /** Written and read on the writer's thread only. */
    private boolean changed;

    private ChangeWatch() {}

    static ChangeWatch install(Connection writer) throws SQLException {
        ChangeWatch watch = new ChangeWatch();
        Function.create(writer, FUNCTION, new Function() {
            @Override
            protected void xFunc() {
                watch.changed = true;
            }
        });
        try (Statement statement = writer.createStatement()) {
            for (String table : WATCHED_TABLES) {
                for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                    statement.execute("CREATE TEMP TRIGGER watch_" + table + "_" + event.toLowerCase() + " AFTER "
                            + event + " ON main." + table + " BEGIN SELECT " + FUNCTION + "(); END");
                }
            }
        }
        return watch;
    }

    long version() {
        return version.get();
    }

    /** Called by the writer once a transaction has ended, committed or not, before its callers are answered. */
    void transactionEnded() {
        if (changed) {
            changed = false;
            version.incrementAndGet();
        }
    }
}
