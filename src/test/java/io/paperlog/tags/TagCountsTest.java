package io.paperlog.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperlog.activity.ActivityLog;
import io.paperlog.db.Database;
import io.paperlog.testing.MutableClock;
import io.paperlog.tracking.Status;
import io.paperlog.tracking.StatusForm;
import io.paperlog.tracking.TrackingStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * My tags' counts, kept while no tag changes, follow every change to tags: tagging and untagging, a rename, a
 * tagged paper deleted, another process's change; a status write leaves them kept and right.
 */
class TagCountsTest {

    @TempDir
    Path folder;

    @Test
    void keptCountsFollowEveryChangeToTags() throws Exception {
        Path file = folder.resolve("t.db");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        try (Database db = Database.open(file, 2)) {
            long ada = db.<Long>write(dsl -> {
                dsl.execute("INSERT INTO account (username, display_name, password_hash, created_at, "
                        + "password_changed_at) VALUES ('ada', 'Ada', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
                return ((Number) dsl.fetchValue("SELECT id FROM account WHERE username = 'ada'")).longValue();
            });
            TagStore tags = new TagStore(db, clock);
            TrackingStore marks = new TrackingStore(db, clock, new ActivityLog(clock));
            tags.add(ada, List.of(1L, 2L, 3L), List.of(name("rlhf")));
            tags.add(ada, List.of(3L), List.of(name("surveys")));
            assertEquals(Map.of("rlhf", 3, "surveys", 1), counts(tags, ada));

            marks.setStatus(ada, 1, new StatusForm(Status.READ, null, null));
            assertEquals(Map.of("rlhf", 3, "surveys", 1), counts(tags, ada), "after a status write");

            tags.add(ada, List.of(4L), List.of(name("rlhf")));
            assertEquals(Map.of("rlhf", 4, "surveys", 1), counts(tags, ada), "tagged");

            tags.remove(ada, List.of(2L), "rlhf");
            assertEquals(Map.of("rlhf", 3, "surveys", 1), counts(tags, ada), "untagged");

            tags.rename(ada, tags.require(ada, "surveys").id(), name("reviews"));
            assertEquals(Map.of("rlhf", 3, "reviews", 1), counts(tags, ada), "renamed");

            long added = db.<Long>write(dsl -> {
                dsl.execute("INSERT INTO paper (title, citations, abstract, created_at) "
                        + "VALUES ('Added', 0, 'An added paper.', '2026-03-01T00:00:00Z')");
                return ((Number) dsl.fetchValue("SELECT max(id) FROM paper")).longValue();
            });
            tags.add(ada, List.of(added), List.of(name("rlhf")));
            assertEquals(Map.of("rlhf", 4, "reviews", 1), counts(tags, ada));
            db.write(dsl -> dsl.execute("DELETE FROM paper WHERE id = ?", added));
            assertEquals(Map.of("rlhf", 3, "reviews", 1), counts(tags, ada), "its paper deleted");

            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement statement = other.createStatement()) {
                statement.execute("DELETE FROM paper_tag WHERE paper_id = 3");
            }
            assertEquals(Map.of("rlhf", 2, "reviews", 0), counts(tags, ada), "untagged by another process");
        }
    }

    private static Map<String, Integer> counts(TagStore tags, long owner) {
        return tags.tags(owner).stream().collect(Collectors.toMap(Tag::name, Tag::papers));
    }

    private static TagName name(String raw) {
        return TagName.parse(raw).orElseThrow();
    }
}
