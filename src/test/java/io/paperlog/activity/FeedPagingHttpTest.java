package io.paperlog.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The activity feed and the notifications run to more than a page and go on where the first page stopped. */
class FeedPagingHttpTest {

    private static final Pattern OLDER = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");
    private static final Pattern ENTRY = Pattern.compile("<li class=\"feed__entry");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client reader;
    static Client other;
    static Client watcher;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        reader = app.member("rhea", "Rhea Reader");
        other = app.member("omar", "Omar Other");
        watcher = app.member("wren", "Wren Watcher");
        for (int paper = 1; paper <= Feed.PAGE + 10; paper++) {
            assertEquals(303, reader.post("/papers/" + paper + "/status", Map.of("status", "want")).statusCode());
        }
        assertEquals(303, other.post("/papers/1/status", Map.of("status", "read")).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theActivityFeedGoesOnWithItsFilterToTheOldestEntry() {
        long rhea = number("SELECT id FROM account WHERE username = 'rhea'");
        String first = watcher.get("/activity?person=" + rhea).body();
        assertEquals(Feed.PAGE, count(first));
        assertFalse(first.contains("Omar Other</a> marked"), "the filter keeps to one person");
        String older = olderLink(first);
        assertTrue(older.startsWith("/activity?person=" + rhea + "&amp;before="), older);

        String second = watcher.get(older.replace("&amp;", "&")).body();
        assertEquals(10, count(second));
        assertFalse(OLDER.matcher(second).find(), "the last page offers nothing older");
        assertTrue(second.contains("Rhea Reader"));

        String everyone = watcher.get("/activity").body();
        assertTrue(everyone.contains("Omar Other"), "the newest entry comes first");
        assertEquals(11, count(watcher.get(olderLink(everyone).replace("&amp;", "&")).body()));
    }

    @Test
    void notificationsGoOnToTheOldest() {
        long list = listWithItemBy(reader);
        long item = number("SELECT id FROM list_item WHERE list_id = ?", list);
        for (int i = 0; i < Feed.PAGE + 3; i++) {
            assertEquals(303, other.post("/lists/" + list + "/items/" + item + "/comments",
                    Map.of("body", "Comment " + i)).statusCode());
        }
        String first = reader.get("/notifications").body();
        assertEquals(Feed.PAGE, count(first));
        String second = reader.get(olderLink(first).replace("&amp;", "&")).body();
        assertEquals(3, count(second));
        assertEquals(303, reader.post("/notifications/read", Map.of()).statusCode());
        assertFalse(reader.get("/notifications").body().contains("feed__entry--unread"));
    }

    private static long listWithItemBy(Client owner) {
        String location = owner.post("/lists", Map.of("name", "Busy", "visibility", "team"))
                .headers().firstValue("Location").orElseThrow();
        long list = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertEquals(303, owner.post("/lists/" + list + "/items", Map.of("paper", "5")).statusCode());
        return list;
    }

    private static long number(String sql, Object... args) {
        return ((Number) app.app().database().read().fetchValue(sql, args)).longValue();
    }

    private static String olderLink(String page) {
        Matcher m = OLDER.matcher(page);
        assertTrue(m.find(), "an older page is offered");
        return m.group(1);
    }

    private static int count(String page) {
        return (int) ENTRY.matcher(page).results().count();
    }
}
