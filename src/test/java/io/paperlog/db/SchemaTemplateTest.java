package io.paperlog.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The build's pre-migrated database stands in for running the migrations only where it is exactly what they make. */
class SchemaTemplateTest {

    @TempDir
    Path folder;

    @Test
    void aNewDatabaseIsWhatTheMigrationsMake() throws Exception {
        Path byFlyway = folder.resolve("flyway.db");
        flyway(byFlyway, null).migrate();
        Path byTemplate = folder.resolve("template.db");
        assertTrue(SchemaTemplate.copyIfAbsent(byTemplate), "the build puts the template on the classpath");
        assertTrue(SchemaTemplate.isCurrent(dataSource(byTemplate)));
        Database.open(byTemplate, 1).close();

        assertEquals(rows(byFlyway, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"),
                rows(byTemplate, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"));
        assertEquals(rows(byFlyway, "SELECT version, checksum, success FROM flyway_schema_history ORDER BY installed_rank"),
                rows(byTemplate, "SELECT version, checksum, success FROM flyway_schema_history ORDER BY installed_rank"));
        String papers = "SELECT id, rank, title, citations, abstract, arxiv_id, doi, authors, year, venue FROM paper ORDER BY id";
        assertEquals(rows(byFlyway, papers), rows(byTemplate, papers));
        assertEquals(rows(byFlyway, "SELECT rowid, * FROM search_doc ORDER BY rowid"),
                rows(byTemplate, "SELECT rowid, * FROM search_doc ORDER BY rowid"));
    }

    @Test
    void aDatabaseFromAnOlderPaperlogIsMigratedByFlyway() throws Exception {
        Path file = folder.resolve("old.db");
        flyway(file, "7").migrate();
        SQLiteDataSource old = dataSource(file);
        assertFalse(SchemaTemplate.isCurrent(old));

        try (Database db = Database.open(file, 1)) {
            assertEquals(100, db.read().fetchCount(io.paperlog.db.schema.Tables.PAPER));
        }
        assertTrue(SchemaTemplate.isCurrent(old));
        assertEquals(rows(file, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank"),
                rows(newDatabase(), "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank"));
    }

    @Test
    void aDatabaseWithoutASchemaHistoryIsNotCurrent() throws Exception {
        Path file = folder.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE something_else (id INTEGER)");
        }
        assertFalse(SchemaTemplate.isCurrent(dataSource(file)));
    }

    private Path newDatabase() {
        Path file = folder.resolve("new.db");
        Database.open(file, 1).close();
        return file;
    }

    private static Flyway flyway(Path file, String target) {
        var configuration = Flyway.configure().dataSource(dataSource(file)).locations(Migrations.LOCATION)
                .placeholderReplacement(false);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static List<List<String>> rows(Path file, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
