package io.paperlog.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantee under the API's scopes: while {@link Database#withoutWrites} runs, no write through the database's
 * one write path happens on that thread, whatever code asks for it; other threads write as usual, and writes work
 * again afterwards, also after a refusal.
 */
class WithoutWritesTest {

    @TempDir
    Path folder;

    @Test
    void noWriteHappensInsideAndWritesWorkAfterwards() throws Exception {
        try (Database db = Database.open(folder.resolve("p.db"), 1)) {
            String insert = "INSERT INTO setting (key, value) VALUES (?, 'x')";
            Database.WriteRefused refused = assertThrows(Database.WriteRefused.class, () -> db.withoutWrites("read only",
                    () -> db.write(dsl -> dsl.execute(insert, "inside"))));
            assertEquals("read only", refused.getMessage());
            db.withoutWrites("outer", () -> {
                db.withoutWrites("inner", () -> assertThrows(Database.WriteRefused.class,
                        () -> db.write(dsl -> dsl.execute(insert, "nested"))));
                CompletableFuture.runAsync(() -> db.write(dsl -> dsl.execute(insert, "another thread"))).join();
                assertThrows(Database.WriteRefused.class, () -> db.write(dsl -> dsl.execute(insert, "after nesting")));
            });
            db.write(dsl -> dsl.execute(insert, "afterwards"));
            assertEquals(2, db.read().fetchCount(db.read().selectFrom("setting").where("key in ('another thread', 'afterwards', 'inside', 'after nesting')")));
        }
    }
}
