package io.paperlog.annotations;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every annotation route, with two accounts: alice annotates, bob is her teammate. */
class AnnotationHttpTest {

    private static final Pattern CREATED = Pattern.compile("^/papers/(\\d+)#annotation-(\\d+)$");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client alice;
    static Client bob;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        alice = app.member("alice", "Alice Liddell");
        bob = app.member("bob", "Bob Builder");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String abstractOf(long paper) {
        return query("SELECT abstract FROM paper WHERE id = " + paper).get(0).get("abstract");
    }

    static List<Map<String, String>> query(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, String>> rows = new java.util.ArrayList<>();
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

    static int annotationCount() {
        return Integer.parseInt(query("SELECT count(*) AS n FROM annotation").get(0).get("n"));
    }

    /** Posts a selection as the browser script does: offsets and the text they cover. */
    static HttpResponse<String> select(Client who, long paper, String phrase, Map<String, String> extra) {
        String text = abstractOf(paper);
        int at = text.indexOf(phrase);
        assertTrue(at >= 0, phrase);
        Map<String, String> form = new HashMap<>(Map.of("start", String.valueOf(at),
                "end", String.valueOf(at + phrase.length()), "exact", phrase, "colour", "yellow"));
        form.putAll(extra);
        return who.post("/papers/" + paper + "/annotations", form);
    }

    static long created(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.body());
        Matcher m = CREATED.matcher(response.headers().firstValue("Location").orElseThrow());
        assertTrue(m.matches(), response.headers().firstValue("Location").orElseThrow());
        return Long.parseLong(m.group(2));
    }

    @Test
    void aSelectionIsStoredInTheW3cShapeAndDrawnAsAMarkLinkedToItsComment() {
        long id = created(select(alice, 36, "locality-sensitive hashing",
                Map.of("body", "**LSH** buckets <script>x</script>", "colour", "green", "tags", "Method, lsh")));
        Map<String, String> row = query("SELECT * FROM annotation WHERE id = " + id).get(0);
        String text = abstractOf(36);
        int start = Integer.parseInt(row.get("position_start"));
        assertEquals("locality-sensitive hashing", row.get("quote_exact"));
        assertEquals(text.substring(start, Integer.parseInt(row.get("position_end"))), row.get("quote_exact"));
        assertEquals(text.substring(start - 32, start), row.get("quote_prefix"));
        assertEquals(32, row.get("quote_suffix").length());
        assertEquals("private", row.get("visibility"));
        assertTrue(row.get("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), row.get("created_at"));
        assertEquals(List.of("lsh", "method"), query("SELECT tag FROM annotation_tag WHERE annotation_id = " + id
                + " ORDER BY tag").stream().map(r -> r.get("tag")).toList());

        String page = alice.get("/papers/36").body();
        assertTrue(page.contains("<mark class=\"hl hl--green\" data-annotation=\"" + id + "\" id=\"mark-" + id + "\">"), page);
        assertTrue(page.contains("href=\"#annotation-" + id + "\""));
        assertTrue(page.contains("id=\"annotation-" + id + "\""));
        assertTrue(page.contains("href=\"#mark-" + id + "\""));
        assertTrue(page.contains("<strong>LSH</strong> buckets &lt;script&gt;x&lt;/script&gt;"), "Markdown, safely");
        assertTrue(page.contains("class=\"math src\""), "TeX still renders around the marks");
    }

    @Test
    void privateAnnotationsAreInvisibleToTheOtherAccountEverywhere() {
        long secret = created(select(alice, 37, "the", Map.of("body", "alice-secret-note", "tags", "secret-tag")));
        long shared = created(select(alice, 37, "Transformer", Map.of("body", "alice-shared-note", "visibility", "team")));

        String bobsPage = bob.get("/papers/37").body();
        assertFalse(bobsPage.contains("alice-secret-note"));
        assertFalse(bobsPage.contains("data-annotation=\"" + secret + "\""));
        assertTrue(bobsPage.contains("alice-shared-note"));
        assertTrue(bobsPage.contains("data-annotation=\"" + shared + "\""));

        assertEquals(404, bob.get("/annotations/" + secret).statusCode());
        assertEquals(200, bob.get("/annotations/" + shared).statusCode());
        String bobsList = bob.get("/annotations").body();
        assertFalse(bobsList.contains("alice-secret-note"));
        assertFalse(bobsList.contains("secret-tag"));
        assertFalse(bobsList.contains("alice-shared-note"), "my annotations are mine only");
        String bobsExport = bob.get("/annotations.jsonld").body();
        assertTrue(bobsExport.contains("\"total\": 0"), bobsExport);
        assertTrue(bob.get("/papers/37/annotations.jsonld").body().contains("\"total\": 0"));
        assertTrue(alice.get("/annotations").body().contains("alice-secret-note"));

        int before = annotationCount();
        String secretBefore = query("SELECT * FROM annotation WHERE id = " + secret).toString();
        assertEquals(404, bob.post("/annotations/" + secret, Map.of("body", "hacked", "colour", "pink",
                "visibility", "team")).statusCode());
        assertEquals(404, bob.post("/annotations/" + secret + "/delete", Map.of()).statusCode());
        assertEquals(404, bob.post("/annotations/" + secret + "/replies", Map.of("body", "peek")).statusCode());
        assertEquals(404, bob.post("/annotations/" + secret + "/resolve", Map.of()).statusCode());
        assertEquals(403, bob.post("/annotations/" + shared, Map.of("body", "hacked", "colour", "pink",
                "visibility", "team")).statusCode());
        assertEquals(403, bob.post("/annotations/" + shared + "/delete", Map.of()).statusCode());
        assertEquals(403, bob.post("/annotations/" + shared + "/resolve", Map.of()).statusCode());
        assertEquals(before, annotationCount());
        assertEquals(secretBefore, query("SELECT * FROM annotation WHERE id = " + secret).toString());
        assertEquals("0", query("SELECT count(*) AS n FROM annotation_reply WHERE annotation_id = " + secret).get(0).get("n"));
    }

    @Test
    void badSelectionsAreClearErrorsAndStoreNothing() {
        String text = abstractOf(38);
        int before = annotationCount();
        Map<String, Map<String, String>> bad = new java.util.LinkedHashMap<>();
        bad.put("past the end", Map.of("start", "5", "end", String.valueOf(text.length() + 1), "exact", "x"));
        bad.put("negative", Map.of("start", "-1", "end", "4", "exact", text.substring(0, 4)));
        bad.put("not a number", Map.of("start", "a", "end", "4", "exact", text.substring(0, 4)));
        bad.put("end before start", Map.of("start", "10", "end", "5", "exact", "x"));
        bad.put("empty", Map.of("start", "10", "end", "10", "exact", ""));
        bad.put("exact mismatch", Map.of("start", "0", "end", "5", "exact", "Hello"));
        bad.put("colour", Map.of("start", "0", "end", "5", "exact", text.substring(0, 5), "colour", "purple"));
        bad.put("visibility", Map.of("start", "0", "end", "5", "exact", text.substring(0, 5), "visibility", "public"));
        for (Map.Entry<String, Map<String, String>> e : bad.entrySet()) {
            HttpResponse<String> r = alice.post("/papers/38/annotations", e.getValue());
            assertEquals(400, r.statusCode(), e.getKey() + ": " + r.body());
            assertTrue(r.body().contains("That request didn"), "an error page in words: " + r.body());
        }
        HttpResponse<String> longComment = alice.post("/papers/38/annotations", Map.of("start", "0", "end", "5",
                "exact", text.substring(0, 5), "body", "y".repeat(5001)));
        assertEquals(422, longComment.statusCode());
        assertTrue(longComment.body().contains("Comments can be up to 5,000 characters"));
        assertTrue(longComment.body().contains("y".repeat(5001)), "input is kept");
        assertEquals(404, alice.post("/papers/4242/annotations", Map.of("start", "0", "end", "1", "exact", "x")).statusCode());
        assertEquals(before, annotationCount());
    }

    @Test
    void overLongSelectionIsRefused() {
        String longText = abstractOf(1);
        assertTrue(longText.length() > 0);
        HttpResponse<String> r = alice.post("/papers/1/annotations", Map.of("exact", "z".repeat(2001)));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("up to 2,000 characters"));
    }

    @Test
    void withoutJavaScriptAPastedPassageIsFoundAndARepeatedOneAsksWhichOccurrence() {
        String text = abstractOf(39);
        // a short word that surely repeats in an abstract
        String repeated = "the";
        List<Integer> at = Anchoring.occurrences(text, repeated);
        assertTrue(at.size() > 1);
        int before = annotationCount();
        HttpResponse<String> ask = alice.post("/papers/39/annotations", Map.of("exact", repeated, "body", "which?"));
        assertEquals(422, ask.statusCode());
        assertTrue(ask.body().contains("times in the abstract. Choose which one you mean."), ask.body());
        assertTrue(ask.body().contains("name=\"occurrence\" value=\"2\""));
        assertTrue(ask.body().contains("which?"), "comment kept");
        assertEquals(before, annotationCount());

        long id = created(alice.post("/papers/39/annotations", Map.of("exact", repeated, "occurrence", "2")));
        Map<String, String> row = query("SELECT * FROM annotation WHERE id = " + id).get(0);
        assertEquals(String.valueOf(at.get(1)), row.get("position_start"), "the second occurrence");

        HttpResponse<String> tooLong = alice.post("/papers/39/annotations", Map.of("exact", repeated, "occurrence", "2",
                "body", "z".repeat(5001)));
        assertEquals(422, tooLong.statusCode());
        assertTrue(tooLong.body().contains("name=\"occurrence\" value=\"2\" checked"),
                "the occurrence chosen stays chosen while the comment is fixed");
        assertFalse(tooLong.body().contains("name=\"occurrence\" value=\"1\" checked"));

        HttpResponse<String> missing = alice.post("/papers/39/annotations", Map.of("exact", "words not in any abstract"));
        assertEquals(422, missing.statusCode());
        assertTrue(missing.body().contains("That passage is not in the abstract"));
        HttpResponse<String> empty = alice.post("/papers/39/annotations", Map.of("exact", "   "));
        assertEquals(422, empty.statusCode());
    }

    @Test
    void aPassagePastedFromTheRenderedPageIsMappedBackToTheTeXSource() {
        // paper 36 shows O(L^2) where the source has O($L^2$)
        String text = abstractOf(36);
        assertTrue(text.contains("$L^2$"), text);
        String shown = "complexity from O(L^2) to";
        long id = created(alice.post("/papers/36/annotations", Map.of("exact", shown)));
        Map<String, String> row = query("SELECT * FROM annotation WHERE id = " + id).get(0);
        assertEquals("complexity from O($L^2$) to", row.get("quote_exact"));
    }

    @Test
    void editDeleteReplyAndResolveOnTheAnnotationsOwnUrl() {
        long id = created(select(alice, 40, "the", Map.of("body", "first", "visibility", "team")));
        assertEquals(200, alice.get("/annotations/" + id).statusCode());
        assertEquals(303, alice.post("/annotations/" + id, Map.of("body", "second", "colour", "pink",
                "visibility", "team", "tags", "a, b")).statusCode());
        Map<String, String> row = query("SELECT * FROM annotation WHERE id = " + id).get(0);
        assertEquals("second", row.get("body"));
        assertEquals("pink", row.get("colour"));

        assertEquals(422, alice.post("/annotations/" + id, Map.of("body", "z".repeat(5001), "colour", "pink",
                "visibility", "team")).statusCode());
        assertEquals(400, alice.post("/annotations/" + id, Map.of("body", "x", "colour", "mauve",
                "visibility", "team")).statusCode());
        assertEquals("second", query("SELECT body FROM annotation WHERE id = " + id).get(0).get("body"));

        HttpResponse<String> reply = bob.post("/annotations/" + id + "/replies", Map.of("body", "bob *agrees*"));
        assertEquals(303, reply.statusCode());
        assertTrue(alice.get("/papers/40").body().contains("bob <em>agrees</em>"));
        assertEquals(422, bob.post("/annotations/" + id + "/replies", Map.of("body", " ")).statusCode());

        assertEquals(303, alice.post("/annotations/" + id + "/resolve", Map.of("resolved", "true")).statusCode());
        assertTrue(query("SELECT resolved_at FROM annotation WHERE id = " + id).get(0).get("resolved_at") != null);
        assertTrue(bob.get("/papers/40").body().contains("badge--resolved"));

        assertEquals(303, alice.post("/annotations/" + id + "/delete", Map.of()).statusCode());
        assertEquals(0, query("SELECT * FROM annotation WHERE id = " + id).size());
        assertEquals(404, alice.get("/annotations/" + id).statusCode());
    }

    @Test
    void aRefusedEditOrReplyShowsTheAnnotationAgainWithWhatWasTypedInTheRightForm() {
        long id = created(select(alice, 41, "the", Map.of("body", "stored comment", "visibility", "team")));
        HttpResponse<String> edit = alice.post("/annotations/" + id, Map.of("body", "typed " + "z".repeat(5000),
                "colour", "blue", "visibility", "team", "tags", "kept, tags"));
        assertEquals(422, edit.statusCode());
        assertTrue(edit.body().contains("Comments can be up to 5,000 characters"), edit.body());
        assertTrue(edit.body().contains("typed zzz"), "the typed comment is kept");
        assertTrue(edit.body().contains("value=\"kept, tags\""), "the typed tags are kept");
        assertTrue(edit.body().contains("value=\"blue\" checked"), "the chosen colour is kept");

        HttpResponse<String> reply = bob.post("/annotations/" + id + "/replies", Map.of("body", "r".repeat(5001)));
        assertEquals(422, reply.statusCode());
        assertTrue(reply.body().contains("Replies can be up to 5,000 characters"));
        assertTrue(reply.body().contains("id=\"reply-body\" name=\"body\" rows=\"3\" maxlength=\"5000\">rrrr"),
                "the typed reply is kept in the reply box");
        assertFalse(reply.body().contains("id=\"annotation-body\""), "bob has no edit form");
        assertEquals("stored comment", query("SELECT body FROM annotation WHERE id = " + id).get(0).get("body"));
    }

    @Test
    void privateAnnotationsTakeNoReplies() {
        long id = created(select(alice, 41, "the", Map.of()));
        assertEquals(400, alice.post("/annotations/" + id + "/replies", Map.of("body", "hi")).statusCode());
        assertEquals(400, alice.post("/annotations/" + id + "/resolve", Map.of()).statusCode());
    }

    @Test
    void writesNeedTheCsrfTokenAndALogin() {
        String text = abstractOf(42);
        int before = annotationCount();
        HttpResponse<String> noToken = alice.postWithoutCsrf("/papers/42/annotations", Map.of("start", "0", "end", "3",
                "exact", text.substring(0, 3)));
        assertEquals(403, noToken.statusCode());
        assertEquals(before, annotationCount());
        HttpResponse<String> anonymous = app.get("/annotations");
        assertTrue(anonymous.statusCode() == 303 || anonymous.statusCode() == 401, "anonymous: " + anonymous.statusCode());
    }

    @Test
    void myAnnotationsAreNewestFirstFilterableAndLinkToTheirPlace() {
        long first = created(select(alice, 43, "the", Map.of("colour", "blue", "tags", "filter-me", "body", "list-one")));
        long second = created(select(alice, 44, "the", Map.of("colour", "green", "body", "list-two")));
        String all = alice.get("/annotations").body();
        assertTrue(all.indexOf("list-two") < all.indexOf("list-one"), "newest first");
        assertTrue(all.contains("href=\"/papers/43#mark-" + first + "\""));
        String byColour = alice.get("/annotations?colour=blue").body();
        assertTrue(byColour.contains("list-one"));
        assertFalse(byColour.contains("list-two"));
        assertTrue(alice.get("/annotations?paper=44").body().contains("list-two"));
        assertFalse(alice.get("/annotations?paper=44").body().contains("list-one"));
        assertTrue(alice.get("/annotations?tag=filter-me").body().contains("list-one"));
        assertFalse(alice.get("/annotations?tag=filter-me").body().contains("list-two"));
        assertEquals(400, alice.get("/annotations?colour=purple").statusCode());
        assertEquals(400, alice.get("/annotations?paper=abc").statusCode());
        assertTrue(second > first);
    }

    @Test
    void aQuoteCutInsideFormulasShowsThemWholeOnEveryPageThatQuotesIt() {
        Client quinn = app.member("quinn", "Quinn Quoter");
        long id = created(select(quinn, 36, "^2$) to O($L", Map.of("colour", "pink", "body", "cut")));
        String whole = "<span class=\"math\">L^2</span>) to O(<span class=\"math\">L\\log L</span>";
        assertTrue(quinn.get("/annotations").body().contains("<q>" + whole + "</q>"), "the annotations list");
        assertTrue(quinn.get("/annotations/" + id).body().contains(">" + whole + "</blockquote>"), "its own page");
        assertTrue(quinn.get("/papers/36").body().contains("<q>" + whole + "</q>"), "the paper page");
    }

    @Test
    void exportsAreW3cJsonLd() {
        long id = created(select(alice, 45, "the", Map.of("body", "exported \"note\"", "tags", "x")));
        HttpResponse<String> one = alice.get("/papers/45/annotations.jsonld");
        assertEquals(200, one.statusCode());
        assertTrue(one.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"));
        String json = one.body();
        assertTrue(json.contains("\"@context\": \"http://www.w3.org/ns/anno.jsonld\""));
        assertTrue(json.contains("\"type\": \"AnnotationCollection\""));
        assertTrue(json.contains("/annotations/" + id + "\""));
        assertTrue(json.contains("\"value\": \"exported \\\"note\\\"\""), json);
        assertTrue(json.contains("\"type\": \"TextQuoteSelector\""));
        assertTrue(json.contains("\"type\": \"TextPositionSelector\""));
        assertTrue(json.contains("\"source\": \"http://127.0.0.1:"));
        assertTrue(alice.get("/annotations.jsonld").body().contains("/annotations/" + id + "\""));
        assertEquals(404, alice.get("/papers/4242/annotations.jsonld").statusCode());
    }

    static void sql(String statement) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
                Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whenTheAbstractIsEditedTheMarkMovesWithItsPassage() {
        long id = created(select(alice, 47, "the", Map.of("body", "moves along")));
        String quote = query("SELECT quote_exact FROM annotation WHERE id = " + id).get(0).get("quote_exact");
        sql("UPDATE paper SET abstract = 'A sentence added in front. ' || abstract WHERE id = 47");
        String page = alice.get("/papers/47").body();
        Matcher mark = Pattern.compile("<mark class=\"hl hl--yellow\" data-annotation=\"" + id
                + "\" id=\"mark-" + id + "\"><span class=\"src\" data-s=\"(\\d+)\" data-e=\"(\\d+)\"").matcher(page);
        assertTrue(mark.find(), page);
        String text = abstractOf(47);
        assertEquals(quote, text.substring(Integer.parseInt(mark.group(1)), Integer.parseInt(mark.group(2))));
        assertEquals(Integer.parseInt(query("SELECT position_start FROM annotation WHERE id = " + id).get(0)
                .get("position_start")) + 27, Integer.parseInt(mark.group(1)));
    }

    @Test
    void anAnnotationOnAPaperWithHtmlInItsTitleIsSafe() {
        sql("INSERT INTO paper (id, title, citations, abstract, created_at) VALUES (500, '<img src=x onerror=alert(1)>', 0, "
                + "'An abstract a person added.', '2026-01-01T00:00:00Z')");
        long id = created(select(alice, 500, "a person", Map.of()));
        String page = alice.get("/annotations/" + id).body();
        assertFalse(page.contains("<img src=x"), page);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(alice.get("/annotations").body().contains("<img src=x"));
    }

    @Test
    void anAnnotationWhosePassageWasRewrittenIsShownAsAnOrphanNotDropped() {
        long id = created(select(alice, 46, "the", Map.of("body", "orphan-to-be")));
        String quote = query("SELECT quote_exact FROM annotation WHERE id = " + id).get(0).get("quote_exact");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
                Statement s = c.createStatement()) {
            s.execute("UPDATE annotation SET quote_exact = 'a passage that was rewritten beyond recognition' WHERE id = " + id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String page = alice.get("/papers/46").body();
        assertTrue(page.contains("Not found in the abstract any more"), page);
        assertTrue(page.contains("orphan-to-be"));
        assertTrue(page.contains("a passage that was rewritten beyond recognition"));
        assertFalse(page.contains("data-annotation=\"" + id + "\" id=\"mark-"));
        assertTrue(alice.get("/annotations").body().contains("not found in the abstract"));
        assertFalse(quote.isEmpty());
    }

    @Test
    void aSharedCommentCannotHandATeammateADataUrl() {
        String phrase = abstractOf(6).substring(0, 12);
        long id = created(select(alice, 6, phrase, Map.of("visibility", "team",
                "body", "[read this](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")));
        String page = bob.get("/papers/6").body();
        assertTrue(page.contains("id=\"annotation-" + id + "\""));
        assertFalse(page.contains("data:text/html"), "a data: link reaches the teammate's page");
        assertFalse(bob.get("/annotations/" + id).body().contains("data:text/html"));
    }
}
