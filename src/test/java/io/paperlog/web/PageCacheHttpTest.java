package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.MutableClock;
import io.paperlog.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept pages and their ETags: a page goes back only to the session it was rendered for, whatever ETag another
 * person sends; any write makes every kept page and ETag stale; a 304 comes before anything is rendered.
 */
class PageCacheHttpTest {

    @TempDir
    static Path folder;
    /** Kept pages last at most the minute they were made in: a stopped clock keeps the minute from turning mid-test. */
    static final MutableClock clock = MutableClock.startingNow();
    static TestApp app;
    static Client alice;
    static Client bob;
    static Client carol;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder, clock);
        alice = app.member("alice", "Alice Quill");
        bob = app.member("bob", "Bob Marsh");
        carol = app.member("carol", "Carol Vance");
        for (Client person : new Client[] {alice, bob, carol}) {
            person.get("/help"); // shows the welcome, which is not kept: a page with a flash is made for one showing
        }
        assertEquals(200, alice.send("POST", "/papers/1/note", Map.of("body", "alice's private thought",
                "base_revision", "0", "_csrf", alice.csrfToken()), Map.of(InPlace.HEADER, "note")).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anotherPersonsEtagNeverGetsTheirPageOrA304() {
        HttpResponse<String> alicePage = alice.get("/papers/1");
        String aliceTag = alicePage.headers().firstValue("ETag").orElseThrow();
        assertTrue(alicePage.body().contains("alice&#39;s private thought") || alicePage.body().contains("alice's private thought"));

        for (Client other : new Client[] {bob, carol}) {
            HttpResponse<String> page = other.send("GET", "/papers/1", Map.of(), Map.of("If-None-Match", aliceTag));
            assertEquals(200, page.statusCode(), "someone else's ETag is not a match");
            assertNotEquals(aliceTag, page.headers().firstValue("ETag").orElseThrow());
            assertFalse(page.body().contains("private thought"), "nobody else sees Alice's note");
            assertTrue(page.body().contains(other == bob ? "Bob Marsh" : "Carol Vance"), "their own page");
        }
        HttpResponse<String> again = alice.send("GET", "/papers/1", Map.of(), Map.of("If-None-Match", aliceTag));
        assertEquals(304, again.statusCode(), "her own ETag is answered before rendering");
        assertEquals("", again.body());
    }

    @Test
    void aKeptPageIsTheSameBytesPlainOrGzippedAndGoesOnlyToItsSession() throws Exception {
        String first = bob.get("/library").body();
        String kept = bob.get("/library").body();
        assertEquals(first, kept);
        assertTrue(kept.contains("Bob Marsh"));
        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri("/library"))
                .header("Cookie", "paperlog_session=" + bob.cookie("paperlog_session").orElseThrow())
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertEquals(kept, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String carols = carol.get("/library").body();
        assertTrue(carols.contains("Carol Vance"));
        assertFalse(carols.contains("Bob Marsh"), "Carol gets her own page, not Bob's kept one");
    }

    @Test
    void anyWriteMakesKeptPagesAndEtagsStale() {
        HttpResponse<String> before = carol.get("/papers/2");
        String tag = before.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, carol.send("GET", "/papers/2", Map.of(), Map.of("If-None-Match", tag)).statusCode());

        assertEquals(303, bob.post("/papers/2/status", Map.of("status", "reading")).statusCode());
        HttpResponse<String> afterTeamWrite = carol.send("GET", "/papers/2", Map.of(), Map.of("If-None-Match", tag));
        assertEquals(200, afterTeamWrite.statusCode(), "a teammate's write changes what Carol sees");
        assertTrue(afterTeamWrite.body().contains("Bob Marsh"), "Bob's reading shows on the paper's team section");

        assertEquals(303, carol.post("/papers/3/rating", Map.of("rating", "4")).statusCode());
        HttpResponse<String> afterOwnWrite = carol.get("/library");
        assertTrue(afterOwnWrite.body().contains("href=\"/papers/3\""), "her own write shows at once");
    }

    @Test
    void aWriteByAnotherProcessMakesKeptPagesStaleToo() throws Exception {
        String before = carol.get("/papers/7").body();
        assertEquals(before, carol.get("/papers/7").body());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             Statement statement = db.createStatement()) {
            statement.execute("UPDATE paper SET title = 'Retitled from outside' WHERE id = 7");
        }
        assertTrue(carol.get("/papers/7").body().contains("Retitled from outside"));
    }

    @Test
    void aPageWithAFlashMessageIsNotKept() {
        assertEquals(303, carol.post("/papers/5/status", Map.of("status", "want")).statusCode());
        HttpResponse<String> withFlash = carol.get("/papers/5");
        assertTrue(withFlash.body().contains("class=\"flash\""));
        HttpResponse<String> after = carol.get("/papers/5");
        assertFalse(after.body().contains("class=\"flash\""), "the message shows once");
    }

    @Test
    void aSignedOutSessionGetsNoKeptPage() {
        Client dave = app.member("dave", "Dave Rook");
        assertEquals(200, dave.get("/").statusCode());
        String session = dave.cookie("paperlog_session").orElseThrow();
        assertEquals(303, dave.post("/logout", Map.of()).statusCode());
        Client replay = app.visitor();
        replay.setSessionCookie(session);
        HttpResponse<String> page = replay.get("/");
        assertEquals(303, page.statusCode(), "the ended session is asked to log in");
        assertFalse(page.body().contains("Dave Rook"));
    }
}
