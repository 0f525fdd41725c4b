package io.paperlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperlog backup} and {@code paperlog restore} from the command line, against a real running Paperlog: a
 * backup under write load holds every write acknowledged before it began and passes SQLite's integrity check; a
 * restore refuses a live database and every backup it cannot trust, with one line and a non-zero exit, and
 * changes nothing when it refuses.
 */
class BackupCommandTest {

    @TempDir
    Path folder;

    private final Console console = new Console();

    @Test
    void aBackupUnderWriteLoadHoldsEveryAcknowledgedWriteAndRestoresIntact() throws Exception {
        Path backup = folder.resolve("backups/snapshot.db");
        Set<String> acknowledgedBefore = new HashSet<>();
        try (TestApp app = TestApp.start(folder.resolve("live"))) {
            app.admin();
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int n = 0; !stop.get() && n < 20_000; n++) {
                        String key = "load-" + writer + "-" + n;
                        app.app().database().write(dsl -> dsl.execute(
                                "INSERT INTO setting (key, value) VALUES (?, ?)", key, "x".repeat(200)));
                        acknowledged.add(key);
                    }
                });
                thread.start();
                writers.add(thread);
            }
            while (acknowledged.size() < 300) {
                Thread.onSpinWait();
            }
            acknowledgedBefore.addAll(acknowledged);
            assertEquals(0, console.run("backup", "--db", app.databaseFile().toString(), "--to", backup.toString()),
                    console.err());
            int afterBackup = acknowledged.size();
            stop.set(true);
            for (Thread thread : writers) {
                thread.join();
            }
            assertTrue(console.out().startsWith("Backed up "));
            assertTrue(acknowledged.size() > acknowledgedBefore.size() && afterBackup > 0, "writes went on meanwhile");

            assertEquals(1, console.run("restore", "--from", backup.toString(), "--db", app.databaseFile().toString()));
            assertTrue(console.errLine().contains("a running Paperlog is using"), "a live database is never overwritten");
        }

        Path restored = folder.resolve("restored/paperlog.db");
        assertEquals(0, console.run("restore", "--from", backup.toString(), "--db", restored.toString()),
                console.err());
        assertEquals("ok", single(restored, "PRAGMA integrity_check"));
        Set<String> keys = new HashSet<>(column(restored, "SELECT key FROM setting WHERE key LIKE 'load-%'"));
        assertTrue(keys.containsAll(acknowledgedBefore), "every write acknowledged before the backup began is in it");
        try (TestApp again = TestApp.start(restored.getParent())) {
            assertEquals(200, logIn(again, "admin").get("/papers/1").statusCode(), "the restored database serves");
        }
    }

    @Test
    void restoreKeepsTheDatabaseItReplacesAndLeavesNoSidecars() throws Exception {
        Path live = folder.resolve("a/paperlog.db");
        try (TestApp app = TestApp.start(live.getParent())) {
            app.admin();
        }
        Path backup = folder.resolve("b.db");
        assertEquals(0, console.run("backup", "--db", live.toString(), "--to", backup.toString()));
        try (TestApp app = TestApp.start(live.getParent())) {
            assertEquals(303, logIn(app, "admin").post("/papers/3/status", java.util.Map.of("status", "read"))
                    .statusCode(), "a change the restore will undo");
        }
        String changed = DatabaseDigest.of(live);
        assertEquals(0, console.run("restore", "--from=" + backup, "--db=" + live), console.err());
        assertTrue(console.out().contains("kept as"));
        assertEquals("0", single(live, "SELECT count(*) FROM reading_status"));
        try (Stream<Path> files = Files.list(live.getParent())) {
            List<Path> kept = files.filter(f -> f.getFileName().toString().startsWith("paperlog.db.before-restore-"))
                    .toList();
            assertEquals(1, kept.size());
            assertEquals(changed, DatabaseDigest.of(kept.get(0)), "the replaced database is kept whole");
        }
        assertFalse(Files.exists(live.resolveSibling("paperlog.db-wal")));
    }

    @Test
    void restoreRefusesWhatItCannotTrustAndChangesNothing() throws Exception {
        Path live = folder.resolve("live/paperlog.db");
        try (TestApp app = TestApp.start(live.getParent())) {
            app.admin();
        }
        String before = DatabaseDigest.of(live);
        Path good = folder.resolve("good.db");
        assertEquals(0, console.run("backup", "--db", live.toString(), "--to", good.toString()));

        Path words = Files.writeString(folder.resolve("words.db"), "not a database");
        assertEquals(1, console.run("restore", "--from", words.toString(), "--db", live.toString()));
        assertTrue(console.errLine().endsWith("is not a SQLite database"), console.errLine());

        Path other = folder.resolve("other.db");
        execute(other, "CREATE TABLE t (x)");
        assertEquals(1, console.run("restore", "--from", other.toString(), "--db", live.toString()));
        assertTrue(console.errLine().endsWith("is a SQLite file but not a Paperlog database"), console.errLine());

        Path newer = folder.resolve("newer.db");
        Files.copy(good, newer);
        execute(newer, "INSERT INTO flyway_schema_history SELECT 999, '999', 'future', type, 'V999__future.sql', "
                + "checksum, installed_by, installed_on, execution_time, success FROM flyway_schema_history "
                + "WHERE installed_rank = 1");
        assertEquals(1, console.run("restore", "--from", newer.toString(), "--db", live.toString()));
        assertTrue(console.errLine().contains("newer than this Paperlog understands"), console.errLine());

        Path damaged = folder.resolve("damaged.db");
        byte[] bytes = Files.readAllBytes(good);
        for (int i = 4096 * 3; i < Math.min(bytes.length, 4096 * 12); i++) {
            bytes[i] = (byte) 0x5A;
        }
        Files.write(damaged, bytes);
        assertEquals(1, console.run("restore", "--from", damaged.toString(), "--db", live.toString()));
        String line = console.errLine();
        assertTrue(line.contains("damaged") || line.contains("cannot read"), line);

        assertEquals(1, console.run("restore", "--from", folder.resolve("missing.db").toString(), "--db", live.toString()));
        assertTrue(console.errLine().endsWith("does not exist"));
        assertEquals(before, DatabaseDigest.of(live), "nothing was restored");
    }

    @Test
    void backupRefusesToOverwriteOrToInventADatabase() throws Exception {
        Path missing = folder.resolve("nothing-here.db");
        assertEquals(1, console.run("backup", "--db", missing.toString(), "--to", folder.resolve("x.db").toString()));
        assertTrue(console.errLine().endsWith("does not exist"));
        assertFalse(Files.exists(missing), "a mistyped path is not created");

        Path live = folder.resolve("l/paperlog.db");
        try (TestApp app = TestApp.start(live.getParent())) {
            app.admin();
        }
        Path taken = Files.writeString(folder.resolve("taken.db"), "mine");
        assertEquals(1, console.run("backup", "--db", live.toString(), "--to", taken.toString()));
        assertTrue(console.errLine().contains("already exists"));
        assertEquals("mine", Files.readString(taken));
    }

    @Test
    void usageMistakesAreOneLineAndExitTwo() {
        assertEquals(2, console.run("backup", "--db", "x.db"));
        assertEquals("paperlog backup: backup needs --to (see backup --help)", console.errLine());
        assertEquals(2, console.run("restore", "--to", "x.db"));
        assertTrue(console.errLine().contains("unknown option '--to' for restore"));
        assertEquals(2, console.run("restore", "--from"));
        assertTrue(console.errLine().contains("--from needs a value"));
        assertEquals(0, console.run("backup", "--help"));
        assertTrue(console.out().contains("restore --from BACKUP --db FILE"));
    }

    @Test
    void aSecondServerOnTheSameDatabaseIsRefused() {
        try (TestApp app = TestApp.start(folder)) {
            assertEquals(1, console.run("--port", "0", "--db", app.databaseFile().toString()));
            assertTrue(console.errLine().contains("a running Paperlog is using"), console.errLine());
            assertEquals(200, app.get("/healthz").statusCode(), "the first keeps running");
        }
    }

    private static Client logIn(TestApp app, String username) {
        Client client = app.visitor();
        assertEquals(303, client.post("/login", java.util.Map.of("username", username, "password", TestApp.PASSWORD))
                .statusCode());
        return client;
    }

    static String single(Path db, String sql) throws Exception {
        List<String> values = column(db, sql);
        assertNotNull(values.isEmpty() ? null : values.get(0), sql);
        return values.get(0);
    }

    static List<String> column(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        }
    }

    private static void execute(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
