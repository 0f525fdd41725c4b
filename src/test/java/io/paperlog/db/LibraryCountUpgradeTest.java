package io.paperlog.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading to V22 counts each library's tabs from the rows already there, and starts even when the file holds rows
 * of an account deleted while foreign keys were off (as the sqlite3 shell leaves them).
 */
class LibraryCountUpgradeTest {

    @TempDir
    Path folder;

    @Test
    void anUpgradeCountsTheRowsThereAndLeavesOutAccountsThatAreGone() throws Exception {
        Path file = folder.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations(Migrations.LOCATION).placeholderReplacement(false)
                .target("21").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA foreign_keys = OFF");
            for (String name : new String[] {"ada", "bob"}) {
                sql.execute("INSERT INTO account (username, display_name, password_hash, created_at, password_changed_at)"
                        + " VALUES ('" + name + "', '" + name + "', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
            }
            String at = "'2026-01-01T00:00:00Z'";
            sql.execute("INSERT INTO reading_status (user_id, paper_id, status, updated_at) VALUES "
                    + "(1, 1, 'read', " + at + "), (1, 2, 'read', " + at + "), (1, 3, 'want', " + at + "), "
                    + "(1, 4, 'none', " + at + "), (2, 1, 'reading', " + at + ")");
            sql.execute("INSERT INTO rating (user_id, paper_id, halves, updated_at) VALUES "
                    + "(1, 1, 8, " + at + "), (1, 4, 6, " + at + "), (1, 5, 4, " + at + "), (2, 9, 10, " + at + ")");
            sql.execute("DELETE FROM account WHERE id = 2"); // its rows stay: foreign keys are off
        }
        try (Database db = Database.open(file, 1)) {
            assertEquals("1 none 2|1 read 2|1 want 1", counts(url));
        }
    }

    private static String counts(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT group_concat(user_id || ' ' || tab || ' ' || papers, '|') FROM "
                     + "(SELECT * FROM library_count ORDER BY user_id, tab)")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
