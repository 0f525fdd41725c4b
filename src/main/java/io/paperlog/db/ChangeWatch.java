package io.paperlog.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.Function;

/**
 * Numbers that move after every commit of the writer that changed a watched group of tables (accounts and
 * sessions; papers; tags), so that what is kept in memory from those tables (the live sessions, papers by id, tag
 * counts) is known to be current while its group's number stands. Temporary triggers on the writer's connection
 * call a function of this class: they see every change, including those to WITHOUT ROWID tables and those of cascading deletes. A
 * number moves after the commit and before any of its writers hears back, so a copy read before the change was
 * committed is never taken as current; a rolled-back change moves it too, which only costs a reload.
 *
 * <p>Another process's commits are seen too, through SQLite's {@code data_version}: on the writer's connection it
 * moves only for other connections' commits, and is read at the start of every transaction (no one else can commit
 * then) and after every commit, moving every number when it moved. Between the writer's transactions, a shared
 * connection's {@code data_version} (which moves for any commit) that differs from the one noted after the writer's
 * last commit means "changed by someone else": then {@link #version} answers a number that matches nothing, so
 * nothing kept is used until the writer has seen that change.
 */
final class ChangeWatch {

    /** The groups of tables watched, each by the tables in it. */
    enum Group {
        ACCOUNTS(List.of("account", "session")),
        PAPERS(List.of("paper")),
        TAGS(List.of("tag", "paper_tag"));

        final List<String> tables;

        Group(List<String> tables) {
            this.tables = tables;
        }
    }

    private static final String FUNCTION = "paperlog_watched_table_changed";

    private final Map<Group, AtomicLong> versions = Map.of(Group.ACCOUNTS, new AtomicLong(), Group.PAPERS,
            new AtomicLong(), Group.TAGS, new AtomicLong());
    /** Numbers that match nothing kept, counting down. */
    private final AtomicLong unmatched = new AtomicLong();
    private final DataVersion shared;
    private final PreparedStatement writerVersion;
    /** The shared data version as the writer's last transaction left it. */
    private volatile long sharedAfterWriter;
    /** Written and read on the writer's thread only: the writer connection's data version, and the groups changed. */
    private long othersCommits;
    private final boolean[] changed = new boolean[Group.values().length];

    private ChangeWatch(DataVersion shared, PreparedStatement writerVersion) {
        this.shared = shared;
        this.writerVersion = writerVersion;
    }

    static ChangeWatch install(Connection writer, DataVersion shared) throws SQLException {
        ChangeWatch watch = new ChangeWatch(shared, writer.prepareStatement("PRAGMA data_version"));
        watch.othersCommits = watch.readWriterVersion();
        watch.sharedAfterWriter = shared.get();
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

    /** The group's number, or one that matches nothing while another process's commit is not yet seen. */
    long version(Group group) {
        if (shared.get() != sharedAfterWriter) {
            return -unmatched.incrementAndGet();
        }
        return versions.get(group).get();
    }

    /** Called by the writer once it holds the write lock: whatever others committed before is all there is. */
    void transactionBegan() throws SQLException {
        seeOthersCommits();
    }

    /** Called by the writer once a transaction has ended, committed or not, before its callers are answered. */
    void transactionEnded() throws SQLException {
        for (Group group : Group.values()) {
            if (changed[group.ordinal()]) {
                changed[group.ordinal()] = false;
                versions.get(group).incrementAndGet();
            }
        }
        sharedAfterWriter = shared.get();
        seeOthersCommits(); // one that came between the commit and the line above
    }

    /** The data version could not be read: every number moves, and none is given out until it can be read again. */
    void lost() {
        versions.values().forEach(AtomicLong::incrementAndGet);
        sharedAfterWriter = Long.MIN_VALUE;
    }

    private void seeOthersCommits() throws SQLException {
        long now = readWriterVersion();
        if (now != othersCommits) {
            othersCommits = now;
            versions.values().forEach(AtomicLong::incrementAndGet);
        }
    }

    private long readWriterVersion() throws SQLException {
        try (ResultSet row = writerVersion.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
