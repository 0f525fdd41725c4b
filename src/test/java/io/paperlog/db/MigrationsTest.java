package io.paperlog.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.StartupException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path folder;

    @Test
    void freshDatabaseIsMigratedAndSeededWithWalAndForeignKeys() throws Exception {
        Path file = folder.resolve("nested/dirs/paperlog.db");
        try (Database db = Database.open(file, 2)) {
            assertEquals(100, db.read().fetchCount(io.paperlog.db.schema.Tables.PAPER));
            assertEquals("wal", db.read().fetchValue("PRAGMA journal_mode").toString());
            assertEquals(1, ((Number) db.read().fetchValue("PRAGMA foreign_keys")).intValue());
        }
        assertTrue(Files.exists(file), "parent folders are created");
        long migrationFiles;
        try (var files = Files.list(Path.of("migrations"))) {
            migrationFiles = files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
        assertEquals(migrationFiles, count(file, "SELECT count(*) FROM flyway_schema_history WHERE success = 1"));
    }

    @Test
    void restartKeepsDataAndRunsNoMigrationAgain() throws Exception {
        Path file = folder.resolve("paperlog.db");
        try (Database db = Database.open(file, 1)) {
            db.write(dsl -> dsl.execute("INSERT INTO paper (title, citations, abstract, created_at) "
                    + "VALUES ('A paper someone added', 3, 'Text', '2026-01-01T00:00:00Z')"));
        }
        long historyRows = count(file, "SELECT count(*) FROM flyway_schema_history");

        try (Database db = Database.open(file, 1)) {
            assertEquals(101, db.read().fetchCount(io.paperlog.db.schema.Tables.PAPER));
        }
        assertEquals(historyRows, count(file, "SELECT count(*) FROM flyway_schema_history"));
        assertEquals(1, count(file, "SELECT count(*) FROM paper WHERE title = 'A paper someone added' AND rank IS NULL"));
    }

    @Test
    void databaseFromANewerPaperlogIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("paperlog.db");
        Database.open(file, 1).close();
        execute(file, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, execution_time, success) "
                + "VALUES (99, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'test', 1, 1)");
        checkpoint(file);
        byte[] before = Files.readAllBytes(file);

        StartupException refused = assertThrows(StartupException.class, () -> Database.open(file, 1));

        assertTrue(refused.getMessage().contains("newer than this Paperlog"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void fileThatIsNotSqliteIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("notes.txt");
        byte[] content = "These are my notes, not a database.\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        StartupException refused = assertThrows(StartupException.class, () -> Database.open(file, 1));

        assertTrue(refused.getMessage().contains("is not a SQLite database"), refused.getMessage());
        assertArrayEquals(content, Files.readAllBytes(file));
        assertTrue(Files.notExists(folder.resolve("notes.txt-wal")));
    }

    @Test
    void folderInsteadOfAFileIsRefused() throws Exception {
        Path dir = Files.createDirectory(folder.resolve("a-folder"));
        StartupException refused = assertThrows(StartupException.class, () -> Database.open(dir, 1));
        assertTrue(refused.getMessage().contains("is a folder"));
    }

    @Test
    void emptyFileBecomesANewDatabase() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.db"));
        try (Database db = Database.open(file, 1)) {
            assertEquals(100, db.read().fetchCount(io.paperlog.db.schema.Tables.PAPER));
        }
    }

    @Test
    void readConnectionsRefuseToWrite() throws Exception {
        try (Database db = Database.open(folder.resolve("p.db"), 1)) {
            assertThrows(org.jooq.exception.DataAccessException.class,
                    () -> db.read().execute("DELETE FROM paper"));
            assertEquals(100, db.read().fetchCount(io.paperlog.db.schema.Tables.PAPER));
        }
    }

    @Test
    void failedWriteRollsBackTheWholeTransaction() throws Exception {
        try (Database db = Database.open(folder.resolve("p.db"), 1)) {
            assertThrows(RuntimeException.class, () -> db.write(dsl -> {
                dsl.execute("DELETE FROM paper WHERE id = 1");
                throw new IllegalStateException("boom");
            }));
            assertEquals(100, db.read().fetchCount(io.paperlog.db.schema.Tables.PAPER));
        }
    }

    private static long count(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void checkpoint(Path file) throws SQLException {
        execute(file, "PRAGMA wal_checkpoint(TRUNCATE)");
    }
}
