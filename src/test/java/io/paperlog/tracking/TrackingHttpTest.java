package io.paperlog.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.MutableClock;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every tracking route over real HTTP, as plain forms and in place (X-Fragment), with two accounts. */
class TrackingHttpTest {

    private static final Pattern ROW = Pattern.compile("<li class=\"paper-row\"[^>]*data-paper=\"(\\d+)\"");

    @TempDir
    static Path folder;

    static TestApp app;
    static MutableClock clock;
    static Client alice;
    static Client bob;
    static long aliceId;
    static long bobId;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        app = TestApp.start(folder, clock);
        alice = app.member("alice");
        bob = app.member("bob");
        aliceId = accountId("alice");
        bobId = accountId("bob");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static DSLContext db() {
        return app.app().database().read();
    }

    static long accountId(String username) {
        return ((Number) db().fetchValue("SELECT id FROM account WHERE username = ?", username)).longValue();
    }

    static String status(long user, long paper) {
        return (String) db().fetchValue("SELECT status FROM reading_status WHERE user_id = ? AND paper_id = ?", user, paper);
    }

    static Object column(String sql, Object... args) {
        return db().fetchValue(sql, args);
    }

    static String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }

    static HttpResponse<String> inPlace(Client client, String path, Map<String, String> form, String fragment) {
        Map<String, String> withToken = new java.util.HashMap<>(form);
        withToken.put("_csrf", client.csrfToken());
        return client.send("POST", path, withToken, Map.of("X-Fragment", fragment));
    }

    // ---- statuses

    @Test
    void markingReadingByFormRedirectsBackAndRecordsTheStartAndAnEvent() {
        HttpResponse<String> r = alice.post("/papers/5/status", Map.of("status", "reading", "back", "/?sort=title"));
        assertEquals(303, r.statusCode());
        assertEquals("/?sort=title", r.headers().firstValue("Location").orElseThrow());
        assertEquals("reading", status(aliceId, 5));
        assertEquals(today(), column("SELECT started_on FROM reading_status WHERE user_id = ? AND paper_id = 5", aliceId));
        assertEquals(1, ((Number) column("SELECT count(*) FROM status_event WHERE user_id = ? AND paper_id = 5 "
                + "AND from_status = 'none' AND to_status = 'reading'", aliceId)).intValue());
        assertNull(status(bobId, 5));
    }

    @Test
    void aBackTargetThatIsNotLocalFallsBackToThePaper() {
        HttpResponse<String> r = alice.post("/papers/6/status", Map.of("status", "want", "back", "//evil.example/x"));
        assertEquals("/papers/6", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void markingInPlaceFromACatalogueRowReturnsTheUpdatedRow() {
        HttpResponse<String> r = inPlace(alice, "/papers/7/status", Map.of("status", "read"), "row");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"track-7\""), r.body());
        assertTrue(r.body().contains("value=\"read\" data-status=\"read\" aria-pressed=\"true\""), r.body());
        assertFalse(r.body().contains("<html"), "a fragment, not a page");
        assertEquals("read", status(aliceId, 7));
        assertEquals(today(), column("SELECT finished_on FROM reading_status WHERE user_id = ? AND paper_id = 7", aliceId));
    }

    @Test
    void markingInPlaceOnThePaperPageReturnsThePanel() {
        HttpResponse<String> r = inPlace(alice, "/papers/8/status", Map.of("status", "abandoned"), "panel");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"tracking-panel\""));
        assertTrue(r.body().contains("data-status=\"abandoned\""));
        assertEquals("abandoned", status(aliceId, 8));
    }

    @Test
    void badStatusesAndPapersAreRefusedAndNothingChanges() {
        alice.post("/papers/9/status", Map.of("status", "want"));
        HttpResponse<String> bogus = alice.post("/papers/9/status", Map.of("status", "finished"));
        assertEquals(422, bogus.statusCode());
        assertTrue(bogus.body().contains("A status is one of none, want, reading, read, abandoned."));
        assertTrue(bogus.body().contains("id=\"tracking-panel\""), "the form is shown again");
        assertEquals("want", status(aliceId, 9));

        HttpResponse<String> inPlace = inPlace(alice, "/papers/9/status", Map.of("status", ""), "row");
        assertEquals(422, inPlace.statusCode());
        assertTrue(inPlace.body().contains("A status is one of"));

        assertEquals(400, alice.post("/papers/abc/status", Map.of("status", "read")).statusCode());
        HttpResponse<String> unknown = alice.post("/papers/4242/status", Map.of("status", "read"));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("There is no paper 4242."));
        assertEquals(0, ((Number) column("SELECT count(*) FROM reading_status WHERE paper_id = 4242")).intValue());
    }

    @Test
    void aFinishBeforeTheStartIs422WithTheTypedDatesKept() {
        alice.post("/papers/10/status", Map.of("status", "read", "started_on", "2026-01-05", "finished_on", "2026-01-20"));
        HttpResponse<String> r = alice.post("/papers/10/status",
                Map.of("status", "read", "started_on", "2026-02-10", "finished_on", "2026-02-01"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("can&#39;t be before") || r.body().contains("can't be before"), r.body());
        assertTrue(r.body().contains("value=\"2026-02-10\""));
        assertTrue(r.body().contains("value=\"2026-02-01\""));
        assertEquals("2026-01-05", column("SELECT started_on FROM reading_status WHERE user_id = ? AND paper_id = 10", aliceId));
        assertEquals("2026-01-20", column("SELECT finished_on FROM reading_status WHERE user_id = ? AND paper_id = 10", aliceId));

        HttpResponse<String> garbage = alice.post("/papers/10/status", Map.of("status", "read", "started_on", "yesterday"));
        assertEquals(422, garbage.statusCode());
        assertTrue(garbage.body().contains("a date like 2026-01-31"));
    }

    @Test
    void aRefusedInPlaceChangeAnswersThePanelWithTheTypedDatesNotAPage() {
        alice.post("/papers/22/status", Map.of("status", "read", "started_on", "2026-01-05", "finished_on", "2026-01-20"));
        HttpResponse<String> r = inPlace(alice, "/papers/22/status",
                Map.of("status", "read", "started_on", "2026-02-10", "finished_on", "2026-02-01"), "panel");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"tracking-panel\""), r.body());
        assertFalse(r.body().contains("<html"), "a fragment, not a page");
        assertTrue(r.body().contains("value=\"2026-02-10\""));
        assertTrue(r.body().contains("aria-invalid=\"true\""));
        assertEquals("2026-01-20", column("SELECT finished_on FROM reading_status WHERE user_id = ? AND paper_id = 22", aliceId));
    }

    @Test
    void restoringOnTopOfAnOlderRevisionIsAConflictAndAnUnkeptRevisionIsNotFound() {
        alice.post("/papers/23/note", Map.of("body", "one", "base_revision", "0"));
        alice.post("/papers/23/note", Map.of("body", "two", "base_revision", "1"));
        HttpResponse<String> stale = alice.post("/papers/23/note/restore", Map.of("revision", "1", "base_revision", "1"));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("class=\"conflict\""), stale.body());
        assertTrue(stale.body().contains("name=\"body\" rows=\"8\">one</textarea>"), "the revision's text is offered");
        assertTrue(stale.body().contains("<del>two</del><ins>one</ins>"), "with what differs from the stored one");
        assertEquals("two", column("SELECT body FROM note WHERE user_id = ? AND paper_id = 23", aliceId));
        assertEquals(404, alice.post("/papers/23/note/restore", Map.of("revision", "7", "base_revision", "2")).statusCode());
        assertEquals(404, bob.post("/papers/23/note/restore", Map.of("revision", "1", "base_revision", "0")).statusCode(),
                "bob cannot restore alice's revision");
        assertEquals(404, bob.get("/papers/23/note/revisions/1").statusCode());
        assertEquals(400, alice.post("/papers/23/note/restore", Map.of("revision", "x1", "base_revision", "2")).statusCode());
        assertEquals(400, alice.post("/papers/23/note/restore", Map.of("base_revision", "2")).statusCode());
    }

    @Test
    void readingAgainCountsAReRead() {
        alice.post("/papers/11/status", Map.of("status", "read"));
        alice.post("/papers/11/status", Map.of("status", "reading"));
        assertEquals(1, ((Number) column("SELECT rereads FROM reading_status WHERE user_id = ? AND paper_id = 11", aliceId)).intValue());
    }

    // ---- ratings

    @Test
    void ratingsInHalfStepsCanBeSetAndClearedAndBadOnesChangeNothing() {
        HttpResponse<String> r = alice.post("/papers/12/rating", Map.of("rating", "3.5", "back", "/papers/12"));
        assertEquals(303, r.statusCode());
        assertEquals(7, ((Number) column("SELECT halves FROM rating WHERE user_id = ? AND paper_id = 12", aliceId)).intValue());
        for (String bad : List.of("0", "6", "2.3", "abc", "5.5")) {
            HttpResponse<String> refused = alice.post("/papers/12/rating", Map.of("rating", bad));
            assertEquals(422, refused.statusCode(), bad);
            assertTrue(refused.body().contains("A rating is 0.5 to 5 stars in half steps"), bad);
        }
        assertEquals(7, ((Number) column("SELECT halves FROM rating WHERE user_id = ? AND paper_id = 12", aliceId)).intValue());

        HttpResponse<String> panel = inPlace(alice, "/papers/12/rating", Map.of("rating", "5"), "panel");
        assertEquals(200, panel.statusCode());
        assertTrue(panel.body().contains("5 of 5"));
        assertEquals(303, alice.post("/papers/12/rating", Map.of("rating", "")).statusCode());
        assertNull(column("SELECT halves FROM rating WHERE user_id = ? AND paper_id = 12", aliceId));
    }

    // ---- notes

    @Test
    void aNoteIsSavedWithRevisionsAndAStaleSaveIs409WithBothTexts() {
        HttpResponse<String> first = alice.post("/papers/13/note", Map.of("body", "first tab text", "base_revision", "0"));
        assertEquals(303, first.statusCode());
        HttpResponse<String> autosave = inPlace(alice, "/papers/13/note",
                Map.of("body", "first tab text, more", "base_revision", "1"), "note");
        assertEquals(200, autosave.statusCode());
        assertEquals("2", autosave.headers().firstValue("X-Note-Revision").orElseThrow());

        HttpResponse<String> stale = alice.post("/papers/13/note", Map.of("body", "second tab text", "base_revision", "1"));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("second tab text"), "what was typed is shown");
        assertTrue(stale.body().contains("first tab text, more"), "the saved version is shown");
        assertEquals("first tab text, more", column("SELECT body FROM note WHERE user_id = ? AND paper_id = 13", aliceId));

        HttpResponse<String> staleInPlace = inPlace(alice, "/papers/13/note",
                Map.of("body", "second tab again", "base_revision", "1"), "note");
        assertEquals(409, staleInPlace.statusCode());
        assertTrue(staleInPlace.body().contains("second tab again"));
        assertTrue(staleInPlace.body().contains("first tab text, more"));
        assertTrue(staleInPlace.body().contains("name=\"base_revision\" value=\"2\""), "resolving saves on top of revision 2");

        HttpResponse<String> restored = alice.post("/papers/13/note/restore", Map.of("revision", "1", "base_revision", "2"));
        assertEquals(303, restored.statusCode());
        assertEquals("first tab text", column("SELECT body FROM note WHERE user_id = ? AND paper_id = 13", aliceId));
        assertEquals(3, ((Number) column("SELECT revision FROM note WHERE user_id = ? AND paper_id = 13", aliceId)).intValue());
        HttpResponse<String> view = alice.get("/papers/13/note/revisions/2");
        assertEquals(200, view.statusCode());
        assertTrue(view.body().contains("first tab text, more"));
        assertTrue(view.body().contains("action=\"/papers/13/note/restore\""));
        assertTrue(view.body().contains("name=\"revision\" value=\"2\""));
        assertTrue(view.body().contains("name=\"base_revision\" value=\"3\""), "restores on top of the current revision");
        assertFalse(alice.get("/papers/13/note/revisions/3").body().contains("Restore this version"),
                "the current version offers no restore");
        String paper = alice.get("/papers/13").body();
        assertEquals(2, paper.split("Restore this version").length - 1, "revisions 1 and 2 can be restored, 3 is current");
    }

    @Test
    void aNoteOverTheLimitIs422WithTheTextKept() {
        alice.post("/papers/14/note", Map.of("body", "short", "base_revision", "0"));
        String huge = "é".repeat(100_001);
        HttpResponse<String> r = alice.post("/papers/14/note", Map.of("body", huge, "base_revision", "1"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("A note can be up to 100,000 characters"));
        assertTrue(r.body().contains(huge), "the typed text comes back in the form");
        assertEquals("short", column("SELECT body FROM note WHERE user_id = ? AND paper_id = 14", aliceId));
        assertEquals(400, alice.post("/papers/14/note", Map.of("body", "x", "base_revision", "two")).statusCode());
    }

    @Test
    void aHostileNoteShowsAsTextAndInertLinks() {
        alice.post("/papers/15/note", Map.of("base_revision", "0", "body",
                "<script>alert('x')</script>\n\n[click me](javascript:alert(1)) <img src=x onerror=alert(2)>"));
        String page = alice.get("/papers/15").body();
        assertFalse(page.contains("<script>alert"), "no live script");
        assertTrue(page.contains("&lt;script&gt;alert"), "shown as text");
        assertFalse(page.contains("href=\"javascript:"));
        assertFalse(page.contains("<img src=\"x\""));
    }

    // ---- isolation

    @Test
    void anotherAccountNeverSeesChangesOrLearnsOfMyNote() {
        alice.post("/papers/16/note", Map.of("body", "alice's secret thoughts", "base_revision", "0"));
        alice.post("/papers/16/status", Map.of("status", "read"));
        alice.post("/papers/16/rating", Map.of("rating", "4.5"));

        String bobsPage = bob.get("/papers/16").body();
        assertFalse(bobsPage.contains("alice's secret thoughts"));
        assertFalse(bobsPage.contains("alice&#39;s secret thoughts"));
        assertFalse(bobsPage.contains("Earlier versions"));
        assertEquals(404, bob.get("/papers/16/note/revisions/1").statusCode());
        HttpResponse<String> restore = bob.post("/papers/16/note/restore", Map.of("revision", "1", "base_revision", "0"));
        assertEquals(404, restore.statusCode());
        assertNull(column("SELECT body FROM note WHERE user_id = ? AND paper_id = 16", bobId));

        // bob's first save is not a conflict with alice's note: it would betray that hers exists
        assertEquals(303, bob.post("/papers/16/note", Map.of("body", "bob's note", "base_revision", "0")).statusCode());
        assertEquals("alice's secret thoughts", column("SELECT body FROM note WHERE user_id = ? AND paper_id = 16", aliceId));
        assertEquals(1, ((Number) column("SELECT revision FROM note WHERE user_id = ? AND paper_id = 16", aliceId)).intValue());

        assertFalse(bob.get("/library").body().contains("/papers/16\""), "not in bob's library");
        assertFalse(rows(bob.get("/?status=read").body()).contains(16L));
        assertTrue(rows(alice.get("/?status=read").body()).contains(16L));
        assertEquals("0", statsFigure(bob.get("/stats").body()));
    }

    @Test
    void visitorsAndPostsWithoutTheTokenChangeNothing() {
        HttpResponse<String> visitor = app.visitor().post("/papers/17/status", Map.of("status", "read"));
        assertEquals(401, visitor.statusCode(), "a visitor with a valid form token is asked to log in");
        HttpResponse<String> forged = alice.postWithoutCsrf("/papers/17/status", Map.of("status", "read"));
        assertEquals(403, forged.statusCode());
        assertEquals(0, ((Number) column("SELECT count(*) FROM reading_status WHERE paper_id = 17")).intValue());
    }

    // ---- catalogue, library, stats, help

    @Test
    void theCatalogueShowsMyMarksFiltersAndSortsByMyRating() {
        Client carol = app.member("carol");
        carol.post("/papers/20/status", Map.of("status", "read"));
        carol.post("/papers/21/status", Map.of("status", "want"));
        carol.post("/papers/30/rating", Map.of("rating", "2"));
        carol.post("/papers/31/rating", Map.of("rating", "4.5"));
        carol.post("/papers/20/rating", Map.of("rating", "1"));

        String all = carol.get("/").body();
        assertEquals(50, rows(all).size(), "a page holds 50 papers");
        assertTrue(all.contains("100 papers"));
        assertTrue(all.contains("id=\"track-20\""));
        assertTrue(all.contains("data-status=\"read\" aria-pressed=\"true\""));
        assertTrue(all.contains("My rating: 4.5 of 5"));

        assertEquals(List.of(20L), rows(carol.get("/?status=read").body()));
        assertEquals(List.of(21L), rows(carol.get("/?status=want").body()));
        assertEquals(List.of(20L, 30L, 31L), rows(carol.get("/?rated=yes").body()));
        String unrated = carol.get("/?rated=no").body();
        assertTrue(unrated.contains("97 papers"));
        assertEquals(47, rows(carol.get("/?rated=no&page=2").body()).size());
        assertEquals(List.of(31L, 30L, 20L), rows(carol.get("/?sort=rating").body()).subList(0, 3));
        assertEquals(List.of(20L), rows(carol.get("/?status=read&rated=yes").body()));
        assertEquals(400, carol.get("/?status=finished").statusCode());
        assertEquals(400, carol.get("/?rated=maybe").statusCode());
    }

    @Test
    void theLibraryHasTabsWithCountsSortsAndAProgressBar() {
        Client dave = app.member("dave");
        dave.post("/papers/40/status", Map.of("status", "read", "started_on", "2026-01-01", "finished_on", "2026-01-03"));
        dave.post("/papers/41/status", Map.of("status", "read", "started_on", "2026-02-01", "finished_on", "2026-02-03"));
        dave.post("/papers/42/status", Map.of("status", "reading"));
        dave.post("/papers/40/rating", Map.of("rating", "5"));

        String page = dave.get("/library").body();
        assertTrue(page.contains("<strong>2</strong> of\n          <span>100</span> read"), page);
        assertTrue(page.contains("<progress value=\"2\" max=\"100\""));
        assertTrue(page.matches("(?s).*All</span> <span class=\"tabs__count\">3</span>.*"));
        assertTrue(page.matches("(?s).*Read</span> <span class=\"tabs__count\">2</span>.*"));

        String byFinish = dave.get("/library?status=read&sort=finished").body();
        assertTrue(byFinish.indexOf("/papers/41\"") < byFinish.indexOf("/papers/40\""), "latest finish first");
        assertFalse(byFinish.contains("/papers/42\""));
        String byRating = dave.get("/library?sort=rating").body();
        assertTrue(byRating.indexOf("/papers/40\"") < byRating.indexOf("/papers/41\""));
        assertEquals(200, dave.get("/library?sort=title").statusCode());
        assertEquals(400, dave.get("/library?sort=colour").statusCode());
        assertEquals(400, dave.get("/library?status=none").statusCode());
    }

    @Test
    void statusesAndRatingsAreSharedByDefaultAndEachCanBeTurnedOff() {
        Client fay = app.member("fay");
        long fayId = accountId("fay");
        String page = fay.get("/library").body();
        assertTrue(page.contains("name=\"statuses\" value=\"on\" checked"), "shared by default");
        assertTrue(page.contains("name=\"ratings\" value=\"on\" checked"));

        assertEquals(303, fay.post("/library/sharing", Map.of("ratings", "on")).statusCode());
        assertEquals(0, ((Number) column("SELECT statuses_visible FROM reading_privacy WHERE user_id = ?", fayId)).intValue());
        assertEquals(1, ((Number) column("SELECT ratings_visible FROM reading_privacy WHERE user_id = ?", fayId)).intValue());
        assertFalse(fay.get("/library").body().contains("name=\"statuses\" value=\"on\" checked"));

        assertEquals(400, fay.post("/library/sharing", Map.of("statuses", "maybe")).statusCode());
        assertEquals(0, ((Number) column("SELECT statuses_visible FROM reading_privacy WHERE user_id = ?", fayId)).intValue(),
                "a bad value changes nothing");
        assertEquals(null, column("SELECT statuses_visible FROM reading_privacy WHERE user_id = ?", bobId),
                "only fay's own setting changed");
    }

    @Test
    void statsShowAChartWithATableAndHelpListsTheShortcuts() {
        Client erin = app.member("erin");
        erin.post("/papers/50/status", Map.of("status", "read"));
        erin.post("/papers/50/rating", Map.of("rating", "4"));
        String stats = erin.get("/stats").body();
        assertTrue(stats.contains("<svg class=\"chart\""));
        assertTrue(stats.contains("<caption class=\"visually-hidden\">Papers finished per month, last 12 months</caption>"));
        assertEquals("1", statsFigure(stats));
        assertTrue(stats.contains(">4.0</span>"), "average rating");
        assertTrue(stats.contains("data-month=\"" + today().substring(0, 7) + "\""));

        String help = erin.get("/help").body();
        assertTrue(help.contains("<kbd>j</kbd>"));
        assertTrue(help.contains("Mark as read"));
    }

    static List<Long> rows(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The "Read" figure of the stats page. */
    static String statsFigure(String html) {
        Matcher m = Pattern.compile("<dt>Read</dt><dd><span>(\\d+)</span>").matcher(html);
        return m.find() ? m.group(1) : "?";
    }
}
