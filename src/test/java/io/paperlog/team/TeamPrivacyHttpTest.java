package io.paperlog.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What teammates see of each other, with three accounts: Ann shares her reading, Bea turns sharing off, and Cal
 * looks. Nothing Bea hides, nothing private and no list Cal may not see appears in any page, fragment, feed,
 * count, coverage cell, notification or calendar.
 */
class TeamPrivacyHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static Client ann;
    static Client bea;
    static Client cal;
    static long teamList;
    static long annsPrivateList;
    static long annAndBeasList;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        ann = app.member("ann", "Ann Able");
        bea = app.member("bea", "Bea Bright");
        cal = app.member("cal", "Cal Curious");
        for (Client c : List.of(ann, bea)) {
            c.post("/papers/36/status", Map.of("status", "read"));
        }
        ann.post("/papers/36/rating", Map.of("rating", "4.5"));
        bea.post("/papers/36/rating", Map.of("rating", "1.5"));
        bea.post("/papers/37/status", Map.of("status", "reading"));
        assertEquals(303, bea.post("/library/sharing", Map.of()).statusCode(), "bea shares nothing");
        ann.post("/papers/36/note", Map.of("body", "ann's private note", "base_revision", "0"));
        String abstractStart = app.app().database().read().fetchValue("SELECT substr(abstract, 1, 12) FROM paper WHERE id = 36").toString();
        ann.post("/papers/36/annotations", Map.of("start", "0", "end", "12", "exact", abstractStart, "body", "ann's private comment"));
        teamList = list(ann, "Team reading", "team");
        annsPrivateList = list(ann, "Ann's private plans", "private");
        annAndBeasList = list(ann, "Ann and Bea only", "members");
        assertEquals(303, ann.post("/lists/" + annAndBeasList + "/members", Map.of("username", "bea", "role", "editor")).statusCode());
        for (long id : List.of(teamList, annsPrivateList, annAndBeasList)) {
            assertEquals(303, ann.post("/lists/" + id + "/items", Map.of("paper", "36")).statusCode());
        }
        bea.post("/lists/" + annAndBeasList + "/items/" + item(annAndBeasList) + "/comments", Map.of("body", "members-only talk"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long list(Client owner, String name, String visibility) {
        HttpResponse<String> made = owner.post("/lists", Map.of("name", name, "visibility", visibility));
        Matcher m = Pattern.compile("/lists/(\\d+)$").matcher(made.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    static long item(long listId) {
        return ((Number) app.app().database().read().fetchValue("SELECT min(id) FROM list_item WHERE list_id = ?", listId)).longValue();
    }

    /**
     * Everything Cal can open: the pages that could show another person's reading or a list. The team's roster
     * (the activity page's choice of person) is left out: who is on the team is not what they read.
     */
    static String everythingCalSees() {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/", "/papers/36", "/papers/37", "/lists", "/lists/" + teamList,
                "/lists/" + teamList + "/coverage", "/lists/" + teamList + "/items/" + item(teamList), "/activity",
                "/notifications", "/library", "/stats", "/annotations", "/annotations.jsonld", "/papers/36/annotations.jsonld")) {
            HttpResponse<String> page = cal.get(path);
            assertEquals(200, page.statusCode(), path);
            all.append("\n@@ ").append(path).append('\n').append(page.body().replaceAll("(?s)<select name=\"person\">.*?</select>", ""));
        }
        all.append(cal.send("POST", "/papers/36/status", Map.of("_csrf", cal.csrfToken(), "status", "want"),
                Map.of("X-Fragment", "panel")).body());
        return all.toString();
    }

    @Test
    void calSeesAnnsSharedReadingButNothingOfBeasNorAnythingPrivate() {
        String seen = everythingCalSees();
        assertTrue(seen.contains("Ann Able"), "ann shares her reading");
        for (String hidden : List.of("Bea Bright", "ann&#39;s private note", "ann's private note",
                "ann&#39;s private comment", "ann's private comment", "Ann&#39;s private plans", "Ann's private plans",
                "Ann and Bea only", "members-only talk")) {
            assertFalse(seen.contains(hidden), "cal sees " + hidden + " in " + where(seen, hidden));
        }
        String paper = cal.get("/papers/36").body();
        assertTrue(paper.contains("average <strong>4.5</strong>"), "the average counts only what is shared");
        assertTrue(cal.get("/").body().contains("1 read"), "the catalogue counts ann, not bea");
        String list = cal.get("/lists/" + teamList).body();
        int sharing = ((Number) app.app().database().read().fetchValue("SELECT count(*) FROM account "
                + "WHERE is_active = 1 AND id NOT IN (SELECT user_id FROM reading_privacy WHERE statuses_visible = 0)"))
                .intValue();
        assertTrue(list.contains("read by 1 of " + sharing), "ann, of everyone who shares; bea is not counted");
    }

    @Test
    void listsCalMayNotSeeAreNotFoundEverywhere() {
        for (long hidden : List.of(annsPrivateList, annAndBeasList)) {
            assertEquals(404, cal.get("/lists/" + hidden).statusCode());
            assertEquals(404, cal.get("/lists/" + hidden + "/coverage").statusCode());
            assertEquals(404, cal.get("/?add_to=" + hidden).statusCode());
            assertFalse(cal.get("/activity?list=" + hidden).body().contains("feed__entry"), "no entries of it");
            assertEquals(404, cal.post("/lists/" + hidden + "/calendar", Map.of()).statusCode());
        }
        assertTrue(bea.get("/lists/" + annAndBeasList).statusCode() == 200);
        assertTrue(bea.get("/activity").body().contains("Ann and Bea only"), "bea may see it");
    }

    @Test
    void turningSharingOnShowsBeaAndOffHidesHerPastToo() {
        assertEquals(303, bea.post("/library/sharing", Map.of("statuses", "on", "ratings", "on")).statusCode());
        String shared = cal.get("/papers/36").body() + cal.get("/activity").body();
        assertTrue(shared.contains("Bea Bright"));
        assertTrue(shared.contains("1.5"));
        assertTrue(cal.get("/papers/37").body().contains("Bea Bright"));
        assertEquals(303, bea.post("/library/sharing", Map.of("ratings", "on")).statusCode(), "statuses off, ratings on");
        assertFalse(cal.get("/papers/37").body().contains("Bea Bright"), "no status of bea's");
        String feed = cal.get("/activity?person=" + id("bea")).body();
        assertFalse(feed.contains("data-kind=\"status\""), "no status of bea's in the feed");
        assertTrue(feed.contains("data-kind=\"rating\""), "her ratings are");
        assertTrue(cal.get("/papers/36").body().contains("1.5"), "her rating, still shared");
        assertEquals(303, bea.post("/library/sharing", Map.of()).statusCode());
        String after = everythingCalSees();
        assertFalse(after.contains("Bea Bright"), "her past entries are hidden again");
    }

    @Test
    void aDeactivatedAccountsReadingIsNoLongerShown() {
        Client dan = app.member("dan", "Dan Departed");
        dan.post("/papers/40/status", Map.of("status", "read"));
        assertTrue(cal.get("/papers/40").body().contains("Dan Departed"));
        assertEquals(303, app.admin().post("/admin/accounts/" + id("dan") + "/deactivate", Map.of()).statusCode());
        assertFalse(cal.get("/papers/40").body().contains("Dan Departed"));
        assertFalse(cal.get("/activity").body().contains("Dan Departed"));
        assertFalse(cal.get("/").body().contains("Dan Departed"));
    }

    /** The page (after the "@@ path" marker) where {@code text} first appears, and a little around it. */
    static String where(String seen, String text) {
        int at = seen.indexOf(text);
        if (at < 0) {
            return "nowhere";
        }
        int page = seen.lastIndexOf("\n@@ ", at);
        return seen.substring(page + 4, seen.indexOf('\n', page + 4)) + ": …"
                + seen.substring(Math.max(0, at - 120), Math.min(seen.length(), at + 40)) + "…";
    }

    static long id(String username) {
        return ((Number) app.app().database().read().fetchValue("SELECT id FROM account WHERE username = ?", username))
                .longValue();
    }
}
