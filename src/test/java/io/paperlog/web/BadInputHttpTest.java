package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input no form sends, on any route: a clear 400, never a 500, and nothing stored changes. */
class BadInputHttpTest {

    private static final Pattern CREATED = Pattern.compile("#annotation-(\\d+)$");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client alice;
    static Client bob;
    static long shared;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        alice = app.member("alice");
        bob = app.member("bob");
        String phrase = scalar("SELECT substr(abstract, 1, 10) FROM paper WHERE id = 1");
        HttpResponse<String> created = alice.post("/papers/1/annotations", Map.of("start", "0", "end", "10",
                "exact", phrase, "body", "first", "tags", "one", "visibility", "team"));
        Matcher m = CREATED.matcher(created.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find(), created.body());
        shared = Long.parseLong(m.group(1));
        assertEquals(303, alice.post("/papers/1/note", Map.of("body", "kept")).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String scalar(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String stored() {
        return scalar("SELECT group_concat(x, '|') FROM ("
                + "SELECT body AS x FROM annotation UNION ALL SELECT tag FROM annotation_tag "
                + "UNION ALL SELECT body FROM annotation_reply UNION ALL SELECT body FROM note "
                + "UNION ALL SELECT status FROM reading_status)");
    }

    static void assertClear400(HttpResponse<String> response, String what) {
        assertEquals(400, response.statusCode(), what + ": " + response.body());
        assertTrue(response.body().contains("That request didn&#39;t make sense"), what);
        for (String leak : new String[] {"Exception", "SQL", "at io.", "at org.", "boundary", "bogus", "EOF"}) {
            assertFalse(response.body().contains(leak), what + " leaks " + leak);
        }
    }

    @Test
    void aNulCharacterInAnyFieldIsRefusedBeforeItReachesTheDatabase() {
        String before = stored();
        assertClear400(bob.post("/annotations/" + shared + "/replies", Map.of("body", "\u0000hi")), "reply");
        assertClear400(alice.post("/annotations/" + shared, Map.of("body", "changed", "tags", "\u0000x",
                "colour", "yellow", "visibility", "team")), "tag");
        assertClear400(alice.post("/papers/1/note", Map.of("body", "a\u0000b", "base_revision", "1")), "note");
        assertClear400(alice.post("/papers/1/status", Map.of("status", "want", "back", "/\u0000")), "back");
        assertClear400(alice.get("/annotations?tag=%00"), "query");
        assertEquals(before, stored());
    }

    @Test
    void aBodyThatCannotBeParsedIsABadRequest() {
        String before = stored();
        assertClear400(alice.sendRaw("POST", "/papers/1/status", "application/x-www-form-urlencoded; charset=bogus",
                "status=want", Map.of("X-CSRF-Token", alice.csrfToken())), "unknown charset");
        assertEquals(before, stored());
    }

    @Test
    void multipartBodiesAreRefusedUnreadWhateverTheyCarry() {
        String before = stored();
        String token = alice.csrfToken();
        Map<String, String> withToken = Map.of("X-CSRF-Token", token);
        for (HttpResponse<String> response : List.of(
                alice.sendRaw("POST", "/papers/2/status", "multipart/form-data; boundary=zzz",
                        "--zzz\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                                + "\r\n--zzz\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\nwant\r\n--zzz--\r\n",
                        Map.of()),
                alice.sendRaw("POST", "/papers/1/status", "multipart/form-data; boundary=zzz",
                        "--zzz\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\nwant", withToken),
                alice.sendRaw("POST", "/papers/1/status", "multipart/form-data", "status=want", withToken),
                alice.sendRaw("POST", "/papers/1/status", "multipart/mixed; boundary=x", "--x--", withToken),
                app.visitor().sendRaw("POST", "/login", "multipart/form-data; boundary=zzz", "--zzz--", Map.of()))) {
            assertEquals(415, response.statusCode(), response.body());
            assertTrue(response.body().contains("takes no file uploads"));
            assertEquals("close", response.headers().firstValue("Connection").orElse(""));
        }
        assertEquals(before, stored());
        assertEquals(null, scalar("SELECT status FROM reading_status WHERE paper_id = 2"));
    }
}
