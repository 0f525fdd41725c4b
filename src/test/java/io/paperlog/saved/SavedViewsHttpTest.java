package io.paperlog.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
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
 * Saved views with three accounts: Olive saves filters of the catalogue, the library and a search; they are in
 * her navigation only; Tess (her teammate) and Otto get 404 for each, and cannot rename, delete or make lists of
 * them. A view becomes a list of the papers it shows, "nobody on the team has read" as the team lets Olive see.
 */
class SavedViewsHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static Client olive;
    static Client tess;
    static Client otto;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        olive = app.member("olive");
        tess = app.member("tess");
        otto = app.member("otto");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aSavedCatalogueFilterIsInTheOwnersNavigationOnly() {
        olive.post("/papers/12/tags", Map.of("tags", "rlhf"));
        olive.post("/papers/14/tags", Map.of("tags", "rlhf"));
        HttpResponse<String> saved = olive.post("/views", Map.of("target", "catalogue", "name", "RLHF picks",
                "query", "/?sort=title&tag=RLHF&add_to=3&page=2"));
        assertEquals(303, saved.statusCode());
        String view = saved.headers().firstValue("Location").orElseThrow();
        assertTrue(view.matches("/views/\\d+"), view);
        assertEquals("sort=title&tag=RLHF", count("SELECT query FROM saved_filter WHERE name = 'RLHF picks'"),
                "only the catalogue's own filters are kept");

        String page = olive.get(view).body();
        assertTrue(page.contains("href=\"/?sort=title&amp;tag=RLHF\""), "opens the catalogue as it was");
        assertEquals(List.of(12L, 14L), paperLinks(page));
        assertTrue(olive.get("/library").body().contains("href=\"" + view + "\">RLHF picks</a>"), "in the navigation");

        for (Client other : List.of(tess, otto)) {
            assertFalse(other.get("/").body().contains("RLHF picks"));
            assertFalse(other.get("/views").body().contains("RLHF picks"));
            assertEquals(404, other.get(view).statusCode());
            assertEquals(404, other.post(view + "/rename", Map.of("name", "mine now")).statusCode());
            assertEquals(404, other.post(view + "/delete", Map.of()).statusCode());
            assertEquals(404, other.post(view + "/list", Map.of("list_name", "stolen")).statusCode());
        }
        assertEquals(200, olive.get(view).statusCode(), "still Olive's");
    }

    @Test
    void renameDeleteAndNamesAreOnePerPerson() {
        String view = olive.post("/views", Map.of("target", "library", "name", "Want list",
                "query", "status=want")).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> clash = olive.post("/views", Map.of("target", "catalogue", "name", " want   LIST ", "query", ""));
        assertEquals(409, clash.statusCode());
        assertTrue(clash.body().contains("already"));
        assertEquals(303, tess.post("/views", Map.of("target", "catalogue", "name", "Want list", "query", "")).statusCode(),
                "another person may use the same name");
        assertEquals(303, olive.post(view + "/rename", Map.of("name", "Next up")).statusCode());
        assertTrue(olive.get(view).body().contains("Next up"));
        assertTrue(olive.get("/library").body().contains("href=\"" + view + "\">Next up</a>"), "renamed in the navigation");
        assertEquals(303, olive.post(view + "/delete", Map.of()).statusCode());
        assertEquals(404, olive.get(view).statusCode());
        assertFalse(olive.get("/library").body().contains("href=\"" + view + "\""), "and gone from it");
    }

    @Test
    void aSearchCanBeSavedAndRunsOnTheSearchPage() {
        HttpResponse<String> saved = olive.post("/views", Map.of("target", "search", "name", "Attention",
                "q", "\"attention is\" #rlhf -bert"));
        assertEquals(303, saved.statusCode());
        String page = olive.get(saved.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("href=\"/search?q=%22attention+is%22+%23rlhf+-bert\""), page);
    }

    @Test
    void aSavedSearchBecomesAListOfThePapersItsOwnerFinds() {
        assertEquals(303, olive.post("/papers/20/note", Map.of("body", "quetzal plumage", "base_revision", "0")).statusCode());
        assertEquals(303, tess.post("/papers/21/note", Map.of("body", "tess's quetzal", "base_revision", "0")).statusCode());
        annotate(tess, 22, "team", "a shared quetzal");
        annotate(otto, 23, "private", "otto's own quetzal");
        long tessAndOlive = list(tess, "Birds", "members");
        assertEquals(303, tess.post("/lists/" + tessAndOlive + "/members", Map.of("username", "olive", "role", "viewer"))
                .statusCode());
        assertEquals(303, tess.post("/lists/" + tessAndOlive + "/items", Map.of("paper", "24")).statusCode());
        long item = Long.parseLong(count("SELECT id FROM list_item WHERE list_id = " + tessAndOlive));
        assertEquals(303, tess.post("/lists/" + tessAndOlive + "/items/" + item + "/note", Map.of("note", "quetzal nests"))
                .statusCode());

        String search = olive.get("/search?q=quetzal").body();
        assertTrue(search.contains("name=\"query\" value=\"q=quetzal\""), "the search page offers to save it");
        HttpResponse<String> saved = olive.post("/views", Map.of("target", "search", "name", "Quetzals", "query", "q=quetzal"));
        assertEquals(303, saved.statusCode());
        String view = saved.headers().firstValue("Location").orElseThrow();
        assertEquals(List.of(20L, 22L, 24L), paperLinks(olive.get(view).body()),
                "her note, Tess's shared annotation and the note on a list she is on; not Tess's note or Otto's annotation");
        for (Client other : List.of(tess, otto)) {
            assertEquals(404, other.get(view).statusCode());
            assertEquals(404, other.post(view + "/list", Map.of("list_name", "stolen")).statusCode());
        }

        HttpResponse<String> made = olive.post(view + "/list", Map.of("list_name", "Quetzal reading", "visibility", "team"));
        assertEquals(303, made.statusCode());
        long listId = Long.parseLong(made.headers().firstValue("Location").orElseThrow().substring("/lists/".length()));
        assertEquals("20,22,24", count("SELECT group_concat(paper_id, ',') FROM (SELECT paper_id FROM list_item "
                + "WHERE list_id = " + listId + " ORDER BY paper_id)"));
        assertFalse(otto.get("/lists/" + listId).body().contains("quetzal plumage"), "her note stays hers");

        String ottos = otto.post("/views", Map.of("target", "search", "name", "Quetzals", "query", "q=quetzal"))
                .headers().firstValue("Location").orElseThrow();
        assertEquals(List.of(22L, 23L), paperLinks(otto.get(ottos).body()),
                "the same search as Otto: Tess's shared annotation and his own, nothing of Olive's or of a list he is not on");
    }

    private static void annotate(Client who, int paper, String visibility, String body) {
        String exact = count("SELECT substr(abstract, 1, 12) FROM paper WHERE id = " + paper);
        assertEquals(303, who.post("/papers/" + paper + "/annotations", Map.of("start", "0", "end", "12", "exact", exact,
                "body", body, "visibility", visibility)).statusCode());
    }

    private static long list(Client owner, String name, String visibility) {
        String made = owner.post("/lists", Map.of("name", name, "visibility", visibility)).headers().firstValue("Location")
                .orElseThrow();
        return Long.parseLong(made.substring("/lists/".length()));
    }

    @Test
    void aViewBecomesAListOfPapersNobodyOnTheTeamHasRead() {
        for (int id : List.of(40, 41, 42, 43)) {
            olive.post("/papers/" + id + "/tags", Map.of("tags", "club"));
        }
        tess.post("/papers/40/status", Map.of("status", "read"));
        otto.post("/papers/41/status", Map.of("status", "read"));
        assertEquals(303, otto.post("/library/sharing", Map.of()).statusCode(), "otto shares nothing");
        olive.post("/papers/42/status", Map.of("status", "read"));
        String view = olive.post("/views", Map.of("target", "catalogue", "name", "Club, unread",
                "query", "tag=club&unread_by_team=1")).headers().firstValue("Location").orElseThrow();
        assertEquals(List.of(41L, 43L), paperLinks(olive.get(view).body()),
                "tess's read paper and mine drop out; otto's hidden reading stays unknown");

        HttpResponse<String> made = olive.post(view + "/list", Map.of("list_name", "Reading group: club",
                "visibility", "team"));
        assertEquals(303, made.statusCode());
        String list = made.headers().firstValue("Location").orElseThrow();
        long listId = Long.parseLong(list.substring("/lists/".length()));
        assertEquals("41,43", count("SELECT group_concat(paper_id, ',') FROM (SELECT paper_id FROM list_item "
                + "WHERE list_id = " + listId + " ORDER BY position)"));
        assertTrue(tess.get(list).body().contains("Reading group: club"), "a team list the team can read");
        assertFalse(tess.get(list).body().contains("#club"), "the tags that chose its papers stay Olive's");
    }

    @Test
    void hostileViewsAreRefusedAndChangeNothing() {
        String view = olive.post("/views", Map.of("target", "catalogue", "name", "Keep me", "query", ""))
                .headers().firstValue("Location").orElseThrow();
        String before = DatabaseDigest.of(app.databaseFile());
        List<HttpResponse<String>> answers = List.of(
                olive.post("/views", Map.of("target", "elsewhere", "name", "x", "query", "")),
                olive.post("/views", Map.of("target", "catalogue", "name", "", "query", "")),
                olive.post("/views", Map.of("target", "catalogue", "name", "x".repeat(61), "query", "")),
                olive.post("/views", Map.of("target", "catalogue", "name", "bell\u0007", "query", "")),
                olive.post("/views", Map.of("target", "catalogue", "name", "x", "query", "status=lost")),
                olive.post("/views", Map.of("target", "catalogue", "name", "x", "query", "tag=%ZZ")),
                olive.post("/views", Map.of("target", "catalogue", "name", "x", "query", "tag=a%20b")),
                olive.post("/views", Map.of("target", "catalogue", "name", "x", "query", "sort=a&sort=b")),
                olive.post("/views", Map.of("target", "catalogue", "name", "x", "query", "q".repeat(3000))),
                olive.post("/views", Map.of("target", "search", "name", "x", "q", "")),
                olive.post("/views", Map.of("target", "search", "name", "x", "q", "💥".repeat(501))),
                olive.post("/views", Map.of("name", "x")),
                olive.get("/views/0"),
                olive.get("/views/abc"),
                olive.get("/views/99999999999999999999"),
                olive.post(view + "/rename", Map.of("name", " ")),
                olive.post(view + "/list", Map.of("list_name", "")),
                olive.post(view + "/list", Map.of("list_name", "ok", "visibility", "world")));
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500,
                    answer.request().uri() + " answered " + answer.statusCode());
            assertFalse(answer.body().contains("Exception"));
        }
        assertEquals(before, DatabaseDigest.of(app.databaseFile()), "nothing stored changed");
        HttpResponse<String> kept = olive.post(view + "/list", Map.of("list_name", "l".repeat(130)));
        assertEquals(422, kept.statusCode());
        assertTrue(kept.body().contains("A list&#39;s name can be up to 120 characters"), "said beside the field");
    }

    static List<Long> paperLinks(String page) {
        Matcher m = Pattern.compile("<a href=\"/papers/(\\d+)\"").matcher(page);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids.stream().distinct().sorted().toList();
    }

    static String count(String sql) {
        return String.valueOf(app.app().database().read().fetchValue(sql));
    }
}
