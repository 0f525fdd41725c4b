package io.paperlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperlog reindex}: rebuilds a broken search index from the data, and refuses what it cannot do. */
class ReindexCommandTest {

    @TempDir
    Path folder;
    private final Console console = new Console();

    private static int count(Database db, String sql) {
        return ((Number) db.read().fetchValue(sql)).intValue();
    }

    @Test
    void rebuildsTheIndexFromTheData() {
        Path file = folder.resolve("paperlog.db");
        String reformer = "SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"reformer\"'";
        int before;
        try (Database db = Database.open(file, 1)) {
            before = count(db, reformer);
            assertTrue(before > 0);
            // a broken index: rows lost, as a repair would find them
            db.write(dsl -> dsl.execute("DELETE FROM search_doc WHERE kind = 'paper' AND source_id <= 50"));
            assertTrue(count(db, reformer) < before);
        }
        assertEquals(0, console.run("reindex", "--db", file.toString()), console.err());
        assertTrue(console.out().startsWith("Reindexed " + file + ": 100 documents"), console.out());
        try (Database db = Database.open(file, 1)) {
            assertEquals(before, count(db, reformer));
            assertEquals(100, count(db, "SELECT count(*) FROM search_doc"));
        }
    }

    @Test
    void refusesWhatItCannotDoInOneLine() {
        assertEquals(1, console.run("reindex", "--db", folder.resolve("absent.db").toString()));
        assertTrue(console.errLine().contains("does not exist"));
        assertEquals(2, console.run("reindex", "--to", "x"));
        assertTrue(console.errLine().contains("unknown option"));
        assertEquals(2, console.run("reindex", "--db"));
        assertEquals(0, console.run("reindex", "--help"));
        assertTrue(console.out().contains("Usage: java -jar paperlog.jar reindex --db FILE"));
    }
}
