package io.paperlog.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annotating without a reload, the numbers everyone sees, deleting with a question first, and replies that show
 * their time and that only their author can edit: alice owns, bob is her teammate, carol a third account, and a
 * visitor without an account.
 */
class AnnotationInPlaceHttpTest {

    private static final Pattern CREATED = Pattern.compile("#annotation-(\\d+)$");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client alice;
    static Client bob;
    static Client carol;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        alice = app.member("alice", "Alice Liddell");
        bob = app.member("bob", "Bob Builder");
        carol = app.member("carol", "Carol Danvers");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, String> selection(long paper, String phrase, String visibility) {
        String text = query("SELECT abstract FROM paper WHERE id = " + paper).get(0).get("abstract");
        int at = text.indexOf(phrase);
        assertTrue(at >= 0, phrase);
        Map<String, String> form = new HashMap<>(Map.of("start", String.valueOf(at),
                "end", String.valueOf(at + phrase.length()), "exact", phrase, "colour", "green",
                "visibility", visibility));
        return form;
    }

    static long annotate(Client who, long paper, String phrase, String visibility) {
        HttpResponse<String> r = who.post("/papers/" + paper + "/annotations", selection(paper, phrase, visibility));
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = CREATED.matcher(r.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    static HttpResponse<String> inPlace(Client who, String path, Map<String, String> form) {
        Map<String, String> withToken = new HashMap<>(form);
        withToken.put("_csrf", who.csrfToken());
        return who.send("POST", path, withToken, Map.of("X-Fragment", "annotations"));
    }

    /** The label the paper page shows for annotation {@code id}, or null when it is not there. */
    static String number(String page, long id) {
        Matcher m = Pattern.compile("id=\"annotation-" + id + "\"[^>]*>\\s*<a[^>]*><span class=\"annotation__number\">([^<]+)</span>")
                .matcher(page);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void highlightingInPlaceAnswersTheAbstractAndItsAnnotationsNotARedirect() {
        HttpResponse<String> r = inPlace(alice, "/papers/31/annotations", selection(31, "the", "private"));
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("<html"), "a fragment, not a page");
        assertTrue(r.body().contains("id=\"annotated\""));
        assertTrue(r.body().contains("<mark class=\"hl hl--green\""), "the new mark is in the abstract");
        assertTrue(r.body().contains("id=\"annotation-form\""), "a fresh form comes with it");

        Map<String, String> bad = selection(31, "the", "private");
        bad.put("body", "z".repeat(5001));
        HttpResponse<String> refused = inPlace(alice, "/papers/31/annotations", bad);
        assertEquals(422, refused.statusCode());
        assertFalse(refused.body().contains("<html"), "a refusal in place is a small fragment too");
    }

    @Test
    void sharedAnnotationsAreNumberedAlikeForEveryoneAndPrivateOnesLettered() {
        long shared1 = annotate(alice, 40, "the", "team");
        long mine = annotate(alice, 40, "a", "private");
        long shared2 = annotate(bob, 40, "of", "team");
        long bobs = annotate(bob, 40, "and", "private");

        String alicePage = alice.get("/papers/40").body();
        String bobPage = bob.get("/papers/40").body();
        String carolPage = carol.get("/papers/40").body();
        for (String page : new String[] {alicePage, bobPage, carolPage}) {
            assertEquals("1", number(page, shared1));
            assertEquals("2", number(page, shared2));
        }
        assertEquals("a", number(alicePage, mine));
        assertEquals("a", number(bobPage, bobs));
        assertNull(number(bobPage, mine), "a private annotation is its author's alone");
        assertNull(number(carolPage, bobs));
        assertTrue(alicePage.contains("aria-label=\"Annotation 1\">1</a>"), "the footnote in the abstract agrees");
    }

    @Test
    void deletingAsksFirstAndInPlaceTheAnnotationIsGoneFromTheAnswer() {
        long id = annotate(alice, 41, "the", "private");
        String page = alice.get("/papers/41").body();
        assertTrue(page.contains("<details class=\"confirm\">"), "Delete is a question first");
        assertTrue(page.contains("Delete annotation a?"), page);
        assertEquals(404, inPlace(bob, "/annotations/" + id + "/delete", Map.of()).statusCode());

        HttpResponse<String> r = inPlace(alice, "/annotations/" + id + "/delete", Map.of());
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("id=\"annotation-" + id + "\""));
        assertEquals(0, query("SELECT id FROM annotation WHERE id = " + id).size());
    }

    @Test
    void aReplyShowsItsTimeAndOnlyItsAuthorCanEditIt() {
        long id = annotate(alice, 42, "the", "team");
        HttpResponse<String> replied = bob.post("/annotations/" + id + "/replies", Map.of("body", "Agreed."));
        assertEquals(303, replied.statusCode());
        long reply = Long.parseLong(replied.headers().firstValue("Location").orElseThrow().replaceAll(".*#reply-", ""));
        String path = "/annotations/" + id + "/replies/" + reply;

        String before = bob.get("/papers/42").body();
        assertTrue(before.contains("<time datetime=\""), "the reply's time is shown");
        assertTrue(before.contains("Edit reply"), "its author is offered an edit");
        assertFalse(alice.get("/papers/42").body().contains("Edit reply"), "nobody else is");

        // the annotation's owner, a third teammate and a visitor without an account cannot change it
        assertEquals(404, alice.post(path, Map.of("body", "Changed by alice")).statusCode());
        assertEquals(404, carol.post(path, Map.of("body", "Changed by carol")).statusCode());
        Client visitor = app.visitor();
        assertEquals(401, visitor.post(path, Map.of("body", "Changed by nobody")).statusCode());
        assertEquals("Agreed.", replyBody(reply));

        // the reply's id on another annotation is not that annotation's reply
        long other = annotate(alice, 42, "a", "team");
        assertEquals(404, bob.post("/annotations/" + other + "/replies/" + reply, Map.of("body", "x")).statusCode());
        assertEquals(400, bob.post("/annotations/" + id + "/replies/abc", Map.of("body", "x")).statusCode());
        assertEquals(422, bob.post(path, Map.of("body", "   ")).statusCode());
        assertEquals("Agreed.", replyBody(reply));

        HttpResponse<String> edited = bob.post(path, Map.of("body", "Agreed, with **one** caveat."));
        assertEquals(303, edited.statusCode());
        assertEquals("/papers/42#reply-" + reply, edited.headers().firstValue("Location").orElseThrow());
        assertEquals("Agreed, with **one** caveat.", replyBody(reply));
        assertNotNull(query("SELECT edited_at FROM annotation_reply WHERE id = " + reply)
                .get(0).get("edited_at"));
        String after = alice.get("/papers/42").body();
        assertTrue(after.contains("<strong>one</strong> caveat"));
        assertTrue(after.contains("(edited)"), "everyone sees that it was edited");
        assertTrue(alice.get("/annotations/" + id).body().contains("(edited)"), "on the annotation's page too");

        HttpResponse<String> inPlace = inPlace(bob, path, Map.of("body", "Agreed."));
        assertEquals(200, inPlace.statusCode());
        assertTrue(inPlace.body().contains("id=\"reply-" + reply + "\""));
    }

    static java.util.List<Map<String, String>> query(String sql) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
                java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            java.util.List<Map<String, String>> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String replyBody(long reply) {
        return query("SELECT body FROM annotation_reply WHERE id = " + reply).get(0).get("body");
    }

    @Test
    void aPrivateAnnotationsRepliesAreNobodysToEdit() {
        long id = annotate(alice, 43, "the", "private");
        assertEquals(404, bob.post("/annotations/" + id + "/replies/1", Map.of("body", "x")).statusCode());
    }
}
