package io.paperlog.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.activity.ActivityLog;
import io.paperlog.annotations.AnnotationStore.Filter;
import io.paperlog.db.Database;
import io.paperlog.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationStoreTest {

    @TempDir
    Path folder;

    Database db;
    MutableClock clock;
    AnnotationStore store;
    long alice;
    long bob;

    @BeforeEach
    void open() {
        db = Database.open(folder.resolve("t.db"), 2);
        clock = new MutableClock(Instant.parse("2026-01-31T12:00:00Z"));
        store = new AnnotationStore(db, clock, new ActivityLog(clock));
        alice = account("alice");
        bob = account("bob");
    }

    @AfterEach
    void close() {
        db.close();
    }

    long account(String name) {
        return db.write(dsl -> {
            dsl.execute("INSERT INTO account (username, display_name, password_hash, created_at, password_changed_at) "
                    + "VALUES (?, ?, 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", name, name.toUpperCase());
            return dsl.fetchValue("SELECT id FROM account WHERE username = ?", name) instanceof Number n
                    ? n.longValue() : -1L;
        });
    }

    String abstractOf(long paper) {
        return db.read().fetchValue("SELECT abstract FROM paper WHERE id = ?", paper).toString();
    }

    long annotate(long user, long paper, String phrase, String visibility, String colour, List<String> tags) {
        String text = abstractOf(paper);
        int at = text.indexOf(phrase);
        return store.create(user, paper, Anchoring.describe(text, at, at + phrase.length()),
                new AnnotationForm("note on " + phrase, colour, visibility, tags));
    }

    @Test
    void storesTheSelectorsBodyAndTimesInUtc() {
        long id = annotate(alice, 1, "language models", "private", "green", List.of("lm", "scale"));
        Annotation a = store.findVisible(id, alice).orElseThrow();
        assertEquals("language models", a.exact());
        assertEquals(abstractOf(1).substring(a.selector().start(), a.selector().end()), a.exact());
        assertTrue(a.selector().prefix().length() <= 32);
        assertEquals("green", a.colour());
        assertEquals("private", a.visibility());
        assertEquals(List.of("lm", "scale"), a.tags());
        assertEquals("2026-01-31T12:00:00Z", a.createdAt());
        assertEquals("alice", a.authorUsername());
        assertEquals("Language Models are Few-Shot Learners", a.paperTitle());
    }

    @Test
    void privateAnnotationsAreInvisibleToEveryoneElse() {
        long secret = annotate(alice, 1, "language models", "private", "yellow", List.of());
        long shared = annotate(alice, 1, "few-shot", "team", "blue", List.of());
        assertTrue(store.findVisible(secret, alice).isPresent());
        assertTrue(store.findVisible(secret, bob).isEmpty());
        assertTrue(store.findVisible(shared, bob).isPresent());
        assertEquals(List.of(shared), store.forPaper(1, bob).stream().map(Annotation::id).toList());
        assertEquals(2, store.forPaper(1, alice).size());
        assertEquals(List.of(), store.mine(bob, Filter.NONE));
        assertEquals(List.of(), store.myTags(bob));
        assertFalse(store.findVisible(shared, bob).orElseThrow().ownedBy(bob), "visible is not owned");
    }

    @Test
    void onlyTheOwnerChangesOrDeletes() {
        long id = annotate(alice, 1, "language models", "private", "yellow", List.of("a"));
        AnnotationForm change = new AnnotationForm("changed", "pink", "team", List.of("b"));
        assertFalse(store.update(id, bob, change));
        assertFalse(store.delete(id, bob));
        assertEquals("note on language models", store.findVisible(id, alice).orElseThrow().body());

        clock.advance(Duration.ofMinutes(5));
        assertTrue(store.update(id, alice, change));
        Annotation a = store.findVisible(id, alice).orElseThrow();
        assertEquals("changed", a.body());
        assertEquals(List.of("b"), a.tags());
        assertEquals("2026-01-31T12:05:00Z", a.updatedAt());
        assertEquals("2026-01-31T12:00:00Z", a.createdAt());
        assertTrue(store.delete(id, alice));
        assertTrue(store.findVisible(id, alice).isEmpty());
    }

    @Test
    void myAnnotationsAreNewestFirstAndFilterable() {
        long first = annotate(alice, 1, "language models", "private", "yellow", List.of("x"));
        clock.advance(Duration.ofSeconds(60));
        long second = annotate(alice, 2, "the", "team", "blue", List.of("y"));
        clock.advance(Duration.ofSeconds(60));
        long third = annotate(alice, 1, "few-shot", "private", "blue", List.of("x", "y"));
        annotate(bob, 1, "language models", "team", "blue", List.of("x"));
        assertEquals(List.of(third, second, first), store.mine(alice, Filter.NONE).stream().map(Annotation::id).toList());
        assertEquals(List.of(third, first), ids(store.mine(alice, new Filter(1L, null, null))));
        assertEquals(List.of(third, second), ids(store.mine(alice, new Filter(null, "blue", null))));
        assertEquals(List.of(third, first), ids(store.mine(alice, new Filter(null, null, "x"))));
        assertEquals(List.of(third), ids(store.mine(alice, new Filter(1L, "blue", "y"))));
        assertEquals(List.of("x", "y"), store.myTags(alice));
    }

    @Test
    void repliesOnlyOnSharedAnnotationsAndResolvedOnlyByTheAuthor() {
        long secret = annotate(alice, 1, "language models", "private", "yellow", List.of());
        long shared = annotate(alice, 1, "few-shot", "team", "yellow", List.of());
        assertTrue(store.reply(secret, bob, "peek").isEmpty());
        long reply = store.reply(shared, bob, "I agree").orElseThrow();
        Map<Long, List<Reply>> replies = store.replies(List.of(secret, shared));
        assertEquals(List.of(reply), replies.get(shared).stream().map(Reply::id).toList());
        assertEquals("bob", replies.get(shared).get(0).authorUsername());
        assertFalse(replies.containsKey(secret));

        assertFalse(store.setResolved(shared, bob, true));
        assertFalse(store.setResolved(secret, alice, true), "private notes have no discussion to resolve");
        assertTrue(store.setResolved(shared, alice, true));
        assertTrue(store.findVisible(shared, bob).orElseThrow().isResolved());
        assertTrue(store.setResolved(shared, alice, false));
        assertFalse(store.findVisible(shared, bob).orElseThrow().isResolved());
    }

    @Test
    void deletingAnAccountTakesItsAnnotationsWhileThePaperCannotBeDeletedFromUnderThem() {
        long id = annotate(alice, 1, "language models", "team", "yellow", List.of("t"));
        store.reply(id, bob, "hi");
        assertThrows(RuntimeException.class, () -> db.write(dsl -> dsl.execute("DELETE FROM paper WHERE id = 1")));
        assertTrue(store.findVisible(id, alice).isPresent());
        db.write(dsl -> dsl.execute("DELETE FROM account WHERE id = ?", alice));
        assertEquals(0, ((Number) db.read().fetchValue("SELECT count(*) FROM annotation")).intValue());
        assertEquals(0, ((Number) db.read().fetchValue("SELECT count(*) FROM annotation_reply")).intValue());
    }

    @Test
    void theDatabaseRefusesShapesOutsideTheModel() {
        assertThrows(RuntimeException.class, () -> db.write(dsl -> dsl.execute(
                "INSERT INTO annotation (user_id, paper_id, quote_exact, position_start, position_end, colour, "
                        + "created_at, updated_at) VALUES (?, 1, 'x', 5, 5, 'yellow', 'now', 'now')", alice)));
        assertThrows(RuntimeException.class, () -> db.write(dsl -> dsl.execute(
                "INSERT INTO annotation (user_id, paper_id, quote_exact, position_start, position_end, colour, "
                        + "created_at, updated_at) VALUES (?, 1, 'x', 5, 6, 'purple', 'now', 'now')", alice)));
    }

    static List<Long> ids(List<Annotation> list) {
        return list.stream().map(Annotation::id).toList();
    }
}
