package io.paperlog.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.TestApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Personal tags with three accounts: Olive tags papers; Tess, her teammate, and Otto, who shares nothing with
 * either, never see, count, filter by, rename or remove Olive's tags, and their own tags of the same name are
 * theirs alone.
 */
class TagsHttpTest {

    private static final Pattern PAPER_ID = Pattern.compile("data-paper=\"(\\d+)\"");

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
    void tagsAddedOnAPaperPageAreNormalisedAndShownOnlyToTheirOwner() {
        assertEquals(303, olive.post("/papers/3/tags", Map.of("tags", " #Alignment, rlhf  ALIGNMENT")).statusCode());
        String page = olive.get("/papers/3").body();
        assertTrue(page.contains("#Alignment") && page.contains("#rlhf"), "both tags, the first spelling kept");
        assertEquals(2, count("SELECT count(*) FROM tag t JOIN account a ON a.id = t.user_id "
                + "WHERE a.username = 'olive' AND t.name_key IN ('alignment', 'rlhf')"));

        for (Client other : List.of(tess, otto)) {
            String theirs = other.get("/papers/3").body();
            assertFalse(theirs.contains("#Alignment"), "nobody else sees Olive's tags on the paper");
            assertFalse(other.get("/tags").body().contains("Alignment"));
            assertEquals(404, other.get("/tags/alignment").statusCode());
            assertFalse(other.get("/?tag=alignment").body().contains("data-paper=\"3\""),
                    "filtering by a tag one does not have matches nothing");
            assertEquals(404, other.post("/papers/3/tags/remove", Map.of("tag", "alignment")).statusCode());
            assertEquals(404, other.post("/tags/alignment/rename", Map.of("name", "mine")).statusCode());
            assertEquals(404, other.post("/tags/alignment/delete", Map.of()).statusCode());
        }
        assertTrue(olive.get("/papers/3").body().contains("#Alignment"), "still there after the others tried");
    }

    @Test
    void sameNameForTwoPeopleIsTwoTags() {
        olive.post("/papers/10/tags", Map.of("tags", "shared-name"));
        tess.post("/papers/11/tags", Map.of("tags", "Shared-Name"));
        assertEquals(List.of(10L), ids(olive.get("/?tag=shared-name").body()));
        assertEquals(List.of(11L), ids(tess.get("/?tag=shared-name").body()));
        assertTrue(olive.get("/tags/shared-name").body().contains("1 paper"));
        assertEquals(303, tess.post("/tags/shared-name/delete", Map.of()).statusCode());
        assertEquals(List.of(10L), ids(olive.get("/?tag=shared-name").body()), "Tess's delete leaves Olive's tag");
    }

    @Test
    void catalogueRowsShowMyTagsAndTheFilterCountsFollowEveryWrite() {
        olive.post("/papers/5/tags", Map.of("tags", "counted"));
        assertTrue(olive.get("/?tag=counted").body().contains("<span>#counted</span> <span class=\"muted\">1</span>"));
        olive.post("/papers/6/tags", Map.of("tags", "counted"));
        String page = olive.get("/?tag=counted").body();
        assertTrue(page.contains("<span>#counted</span> <span class=\"muted\">2</span>"),
                "the count follows a tagging");
        assertTrue(page.contains("<a class=\"tag-chip__name\" href=\"/tags/counted\">#counted</a>"), "the row's chip");
        assertTrue(page.contains("<input type=\"hidden\" name=\"back\" value=\"/?tag=counted#paper-6\">"));
        olive.post("/papers/6/tags/remove", Map.of("tag", "counted"));
        assertTrue(olive.get("/").body().contains("<span>#counted</span> <span class=\"muted\">1</span>"),
                "and a removal");
        for (Client other : List.of(tess, otto)) {
            String theirs = other.get("/").body();
            assertFalse(theirs.contains("#counted"), "nobody else sees the tag, in a row or in the filter");
        }
    }

    @Test
    void catalogueFiltersByAnyAllAndNone() {
        Client ann = olive;
        ann.post("/papers/1/tags", Map.of("tags", "fa, fb"));
        ann.post("/papers/2/tags", Map.of("tags", "fa"));
        ann.post("/papers/4/tags", Map.of("tags", "fb"));
        assertEquals(List.of(1L), ids(ann.get("/?tag=fa&tag=fb").body()));
        assertEquals(List.of(1L), ids(ann.get("/?tag=fa&tag=FB&tags_mode=all").body()));
        assertEquals(List.of(1L, 2L, 4L), ids(ann.get("/?tag=fa&tag=fb&tags_mode=any").body()));
        assertTrue(ann.get("/?tag=fa&tag=fb&tags_mode=any").body().contains("<span class=\"count\">3 papers</span>"));
        assertTrue(ann.get("/?tag=fa&tag=fb").body().contains("<span class=\"count\">1 paper</span>"), "counted too");
        String none = ann.get("/?tag=fa&tag=fb&tags_mode=none&sort=rank").body();
        assertTrue(none.contains("97 papers"), "every paper but the three, counted across pages");
        List<Long> firstPage = ids(none);
        assertFalse(firstPage.contains(1L) || firstPage.contains(2L) || firstPage.contains(4L));
        assertTrue(firstPage.contains(3L));
        assertTrue(none.contains("tag=fa&amp;tag=fb&amp;tags_mode=none&amp;page=2"), "the next page keeps the filter");
        assertEquals(List.of(2L), ids(ann.get("/?tag=fa&tag=fb&tags_mode=any&status=none&sort=title").body())
                .stream().filter(id -> id == 2).toList(), "other filters and sorts combine");
        assertTrue(ann.get("/?tag=fa&sort=citations").body().contains("tag=fa"), "links keep the tag filter");
    }

    @Test
    void libraryFiltersByTags() {
        Client bo = olive;
        bo.post("/papers/5/status", Map.of("status", "want"));
        bo.post("/papers/6/status", Map.of("status", "read"));
        bo.post("/papers/5/tags", Map.of("tags", "later"));
        String page = bo.get("/library?tag=later").body();
        assertTrue(page.contains("/papers/5\"") && !page.contains("/papers/6\""), page);
        String none = bo.get("/library?tag=later&tags_mode=none").body();
        assertTrue(none.contains("/papers/6\"") && !none.contains("/papers/5\""));
    }

    @Test
    void unreadByTeamRespectsWhatEachPersonShares() {
        Client dee = olive;
        Client eli = tess;
        Client fay = otto;
        dee.post("/papers/20/tags", Map.of("tags", "club"));
        dee.post("/papers/21/tags", Map.of("tags", "club"));
        dee.post("/papers/22/tags", Map.of("tags", "club"));
        eli.post("/papers/20/status", Map.of("status", "read"));
        fay.post("/papers/21/status", Map.of("status", "read"));
        assertEquals(303, fay.post("/library/sharing", Map.of("ratings", "on")).statusCode(), "fay hides her statuses");
        assertEquals(List.of(21L, 22L), ids(dee.get("/?tag=club&unread_by_team=1").body()),
                "eli's read paper drops out; fay's hidden reading is not revealed");
        dee.post("/papers/22/status", Map.of("status", "read"));
        assertEquals(List.of(21L), ids(dee.get("/?tag=club&unread_by_team=1").body()), "my own reading counts too");
        dee.post("/papers/23/status", Map.of("status", "want"));
        String library = dee.get("/library?unread_by_team=1&sort=finished").body();
        assertTrue(library.contains("href=\"/papers/23\"") && !library.contains("href=\"/papers/22\""), library);
        Matcher tab = Pattern.compile("<span>All</span> <span class=\"tabs__count\">(\\d+)</span>").matcher(library);
        assertTrue(tab.find(), "the All tab's count");
        assertEquals("1", tab.group(1), "the library counts only my paper nobody has read");
    }

    @Test
    void renameMergeAndDelete() {
        Client gus = olive;
        gus.post("/papers/30/tags", Map.of("tags", "nlp, old"));
        gus.post("/papers/31/tags", Map.of("tags", "old"));
        HttpResponse<String> renamed = gus.post("/tags/nlp/rename", Map.of("name", "NLP"));
        assertEquals(303, renamed.statusCode());
        assertEquals("/tags/NLP", renamed.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> merged = gus.post("/tags/old/rename", Map.of("name", "nlp"));
        assertEquals("/tags/NLP", merged.headers().firstValue("Location").orElseThrow());
        assertTrue(gus.get("/tags/NLP").body().contains("Merged #old into #NLP"));
        assertEquals(List.of(30L, 31L), ids(gus.get("/?tag=nlp").body()));
        assertEquals(404, gus.get("/tags/old").statusCode());
        assertEquals(303, gus.post("/tags/nlp/delete", Map.of()).statusCode());
        assertEquals(0, count("SELECT count(*) FROM tag t JOIN account a ON a.id = t.user_id "
                + "WHERE a.username = 'olive' AND t.name_key IN ('nlp', 'old')"));
        assertTrue(gus.get("/papers/30").statusCode() == 200);
    }

    @Test
    void selectionTagsAndUntagsTickedPapers() {
        Client hal = olive;
        String csrf = hal.csrfToken();
        HttpResponse<String> tagged = hal.sendRaw("POST", "/tags/selection", "application/x-www-form-urlencoded",
                "_csrf=" + csrf + "&paper=7&paper=8&paper=9&tags=survey%2C+to-read&back=%2F%3Fsort%3Dtitle", Map.of());
        assertEquals(303, tagged.statusCode());
        assertEquals("/?sort=title", tagged.headers().firstValue("Location").orElseThrow());
        assertEquals(List.of(7L, 8L, 9L), ids(hal.get("/?tag=survey&tag=to-read").body()));
        hal.sendRaw("POST", "/tags/selection", "application/x-www-form-urlencoded",
                "_csrf=" + csrf + "&paper=8&tags=survey&action=remove", Map.of());
        assertEquals(List.of(7L, 9L), ids(hal.get("/?tag=survey").body()));
        assertTrue(hal.get("/tags/to-read").body().contains("3 papers"), "to-read still on three");
    }

    @Test
    void hostileInputIsRefusedWithAFourHundredAndChangesNothing() {
        Client ivy = olive;
        ivy.post("/papers/40/tags", Map.of("tags", "keep"));
        String before = DatabaseDigest.of(app.databaseFile());
        String csrf = ivy.csrfToken();
        List<HttpResponse<String>> answers = List.of(
                ivy.post("/papers/40/tags", Map.of("tags", "")),
                ivy.post("/papers/40/tags", Map.of("tags", "a".repeat(41))),
                ivy.post("/papers/40/tags", Map.of("tags", "<script>alert(1)</script>")),
                ivy.post("/papers/40/tags", Map.of("tags", "x".repeat(5000))),
                ivy.post("/papers/40/tags", Map.of("tags", "a,b,c,d,e,f,g,h,i,j,k")),
                ivy.post("/papers/40/tags", Map.of("tags", "drop'); DROP TABLE tag;--")),
                ivy.post("/papers/40/tags", Map.of("tags", "\u0000nul")),
                ivy.post("/papers/999999/tags", Map.of("tags", "fine")),
                ivy.post("/papers/abc/tags", Map.of("tags", "fine")),
                ivy.post("/papers/40/tags/remove", Map.of("tag", "never-had")),
                ivy.post("/papers/40/tags/remove", Map.of()),
                ivy.post("/tags/keep/rename", Map.of("name", "two words")),
                ivy.post("/tags/keep/rename", Map.of("name", "a,b")),
                ivy.post("/tags/keep/rename", Map.of("name", "")),
                ivy.post("/tags/" + enc("../../etc") + "/delete", Map.of()),
                ivy.get("/tags/" + enc("💥".repeat(100))),
                ivy.get("/?tag=" + enc("<b>")),
                ivy.get("/?tag=a&tags_mode=sideways"),
                ivy.get("/?unread_by_team=yes"),
                ivy.get("/?tag=a&tag=b&tag=c&tag=d&tag=e&tag=f&tag=g&tag=h&tag=i&tag=j&tag=k"),
                ivy.get("/library?tag=" + enc("a b")),
                ivy.sendRaw("POST", "/tags/selection", "application/x-www-form-urlencoded",
                        "_csrf=" + csrf + "&tags=x", Map.of()),
                ivy.sendRaw("POST", "/tags/selection", "application/x-www-form-urlencoded",
                        "_csrf=" + csrf + "&paper=1&paper=-3&tags=x", Map.of()),
                ivy.sendRaw("POST", "/tags/selection", "application/x-www-form-urlencoded",
                        "_csrf=" + csrf + "&paper=1&paper=999999&tags=x", Map.of()),
                ivy.sendRaw("POST", "/tags/selection", "application/x-www-form-urlencoded",
                        "_csrf=" + csrf + "&paper=1&tags=x&action=explode", Map.of()),
                ivy.sendRaw("POST", "/tags/selection", "application/x-www-form-urlencoded",
                        "_csrf=" + csrf + "&paper=40&tags=keep%2C+never-had&action=remove", Map.of()));
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500,
                    answer.request().uri() + " answered " + answer.statusCode());
            assertFalse(answer.body().contains("Exception") || answer.body().contains("<script>alert"),
                    answer.request().uri().toString());
        }
        assertEquals(before, DatabaseDigest.of(app.databaseFile()), "nothing stored changed");
        HttpResponse<String> shownAgain = ivy.post("/papers/40/tags", Map.of("tags", "two$ words"));
        assertEquals(422, shownAgain.statusCode());
        assertTrue(shownAgain.body().contains("value=\"two$ words\""), "the paper page keeps what was typed");
    }

    @Test
    void theEditorAnswersInPlaceForScripts() {
        Client jo = olive;
        HttpResponse<String> added = jo.send("POST", "/papers/50/tags", Map.of("_csrf", jo.csrfToken(), "tags", "inplace"),
                Map.of("X-Fragment", "tags", "X-CSRF-Token", jo.csrfToken()));
        assertEquals(200, added.statusCode());
        assertTrue(added.body().trim().startsWith("<section") && added.body().contains("#inplace"));
        HttpResponse<String> refused = jo.send("POST", "/papers/50/tags", Map.of("_csrf", jo.csrfToken(), "tags", "a/b"),
                Map.of("X-Fragment", "tags"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().trim().startsWith("<section") && refused.body().contains("field__error"));
    }

    @Test
    void exportListsAPersonsTagsPerPaper() {
        Client kit = olive;
        kit.post("/papers/60/tags", Map.of("tags", "zeta, Alpha"));
        long kitId = ((Number) app.app().database().read().fetchValue("SELECT id FROM account WHERE username = 'olive'"))
                .longValue();
        TagStore store = new TagStore(app.app().database(), java.time.Clock.systemUTC());
        assertEquals(List.of("Alpha", "zeta"), store.byPaper(kitId).get(60L));
        long tessId = ((Number) app.app().database().read().fetchValue("SELECT id FROM account WHERE username = 'tess'"))
                .longValue();
        assertFalse(store.byPaper(tessId).containsKey(60L), "only the person's own tags");
    }

    static List<Long> ids(String page) {
        Matcher m = PAPER_ID.matcher(page);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids.stream().distinct().sorted().toList();
    }

    static long count(String sql) {
        return ((Number) app.app().database().read().fetchValue(sql)).longValue();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
