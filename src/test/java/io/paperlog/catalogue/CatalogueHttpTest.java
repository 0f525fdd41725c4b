package io.paperlog.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalogue's orders, year range, pages and compact view. */
class CatalogueHttpTest {

    private static final Pattern ROW = Pattern.compile("<li class=\"paper-row\" id=\"paper-(\\d+)\"");
    private static final Pattern META = Pattern.compile("<p class=\"paper-row__meta\">(.*?)</p>");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client reader;
    static long added;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        reader = app.admin();
        HttpResponse<String> r = app.member("adder").post("/papers", Map.of("title", "Aardvark Attention",
                "authors", "Zoe Zed", "year", "2026", "abstract", "Short."));
        added = Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring("/papers/".length()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<Long> rows(String body) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ROW.matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void rankAndMostCitedAreOneOrderWithAddedPapersLast() {
        List<Long> cited = new ArrayList<>(rows(reader.get("/").body()));
        cited.addAll(rows(reader.get("/?page=2").body()));
        cited.addAll(rows(reader.get("/?page=3").body()));
        assertEquals(101, cited.size());
        assertEquals(1L, cited.get(0));
        assertEquals(added, cited.get(100), "an added paper has no citations and no rank");
        assertEquals(rows(reader.get("/").body()), rows(reader.get("/?sort=rank").body()), "rank names the same order");
        String body = reader.get("/").body();
        assertEquals(1, count(body, "aria-current=\"true\">Most cited<"), "one sort is current");
        assertFalse(body.contains(">Rank</a>"), "no second button for the same order");
    }

    @Test
    void newestSortsByYearThenCitations() {
        List<Long> newest = rows(reader.get("/?sort=newest").body());
        assertEquals(added, newest.get(0), "2026 first");
        String body = reader.get("/?sort=newest").body();
        List<Integer> years = new ArrayList<>();
        Matcher m = META.matcher(body);
        while (m.find()) {
            Matcher year = Pattern.compile("(20\\d\\d)").matcher(m.group(1).replaceAll("<[^>]+>", ""));
            if (year.find()) {
                years.add(Integer.parseInt(year.group(1)));
            }
        }
        assertEquals(50, years.size());
        for (int i = 1; i < years.size(); i++) {
            assertTrue(years.get(i - 1) >= years.get(i), "descending at " + i + ": " + years);
        }
    }

    @Test
    void everyRowShowsShortenedAuthorsYearAndVenue() {
        String body = reader.get("/").body();
        assertTrue(body.contains("<span>Tom B. Brown, Benjamin Mann, … Dario Amodei</span> · <span>NeurIPS 2020</span>"),
                "first, second, … last, and the venue (which names the year)");
        assertTrue(body.contains("<span>Long Ouyang, Jeff Wu, … Ryan Lowe</span> · <span>2022</span>"));
    }

    @Test
    void aYearRangeFiltersAndKeepsTheOtherChoices() {
        String body = reader.get("/?sort=title&year_from=2021&year_to=2021").body();
        assertFalse(rows(body).isEmpty());
        Matcher meta = META.matcher(body);
        int shown = 0;
        while (meta.find()) {
            shown++;
            assertTrue(meta.group(1).contains("2021"), meta.group(1));
        }
        assertEquals(rows(body).size(), shown);
        assertTrue(body.contains("href=\"/?sort=newest&amp;year_from=2021&amp;year_to=2021\""), "sorts keep the range");
        assertTrue(body.contains("href=\"/?sort=title\">Any year</a>"));
        assertEquals(List.of(added), rows(reader.get("/?year_from=2026").body()));
        assertTrue(rows(reader.get("/?year_to=2019").body()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"year_from=20x1", "year_to=-2020", "year_from=99999", "year_from=0999", "year_to=3000",
        "year_from=2023&year_to=2020", "year_from=%F0%9F%98%80", "year_from=2021.0", "page=0", "page=-1", "page=x",
        "page=99999999999", "sort=%00", "year_from=%27%20OR%201=1"})
    void garbageIsA400ThatSaysWhatIsExpected(String query) {
        HttpResponse<String> r = reader.get("/?" + query);
        assertEquals(400, r.statusCode(), query);
        assertTrue(r.body().contains("year") || r.body().contains("page") || r.body().contains("sorted"), r.body());
    }

    @Test
    void pagesHoldFiftyAndThePagerLinksThem() {
        String first = reader.get("/?sort=title").body();
        assertEquals(50, rows(first).size());
        assertTrue(first.contains("1–50 of 101"));
        assertTrue(first.contains("href=\"/?sort=title&amp;page=2\""));
        String third = reader.get("/?sort=title&page=3").body();
        assertEquals(1, rows(third).size());
        assertTrue(third.contains("101–101 of 101"));
        assertTrue(third.contains("rel=\"prev\""));
        assertEquals(404, reader.get("/?page=4").statusCode());
        assertTrue(third.contains("name=\"back\" value=\"/?sort=title&amp;page=3\""), "a status set on page 3 returns there");
    }

    @Test
    void theCompactViewIsRememberedInACookieAndDropsExcerpts() {
        Client viewer = app.member("viewer");
        assertTrue(viewer.get("/").body().contains("class=\"paper-row__excerpt\""));
        HttpResponse<String> set = viewer.post("/catalogue/view", Map.of("view", "compact", "back", "/?sort=title&page=2"));
        assertEquals(303, set.statusCode());
        assertEquals("/?sort=title&page=2", set.headers().firstValue("Location").orElseThrow());
        assertEquals("compact", viewer.cookie("paperlog_view").orElseThrow());
        String compact = viewer.get("/").body();
        assertTrue(compact.contains("paper-list--compact"));
        assertFalse(compact.contains("class=\"paper-row__excerpt\""));
        assertTrue(compact.contains(">Normal view<"));
        assertFalse(reader.get("/").body().contains("paper-list--compact"), "another browser keeps its own view");
        assertEquals(303, viewer.post("/catalogue/view", Map.of("view", "normal", "back", "https://evil.example/")).statusCode());
        assertFalse(viewer.get("/").body().contains("paper-list--compact"));
        assertEquals(400, viewer.post("/catalogue/view", Map.of("view", "dense")).statusCode());
    }

    @Test
    void aRowOffersEveryStatusOnceAndStarsToRate() {
        Client marker = app.member("marker");
        marker.post("/papers/7/status", Map.of("status", "abandoned"));
        marker.post("/papers/7/rating", Map.of("rating", "3.5"));
        String body = marker.get("/").body();
        String row = body.substring(body.indexOf("id=\"track-7\""), body.indexOf("id=\"paper-8\""));
        for (String status : List.of("want", "reading", "read", "abandoned")) {
            assertTrue(row.contains("name=\"status\" value=\"" + status + "\""), status);
        }
        assertEquals(1, count(row, "aria-pressed=\"true\">Abandoned<"), "the status shows once, as the pressed button");
        assertFalse(row.contains("row-track__status"), "no chip besides it");
        assertTrue(row.contains("value=\"none\""), "clearing is offered");
        assertEquals(5, count(row, "class=\"row-track__star"));
        assertEquals(3, count(row, "row-track__star is-on"));
        assertEquals(1, count(row, "row-track__star is-half"));
        assertTrue(row.contains("aria-label=\"My rating: 3.5 of 5\""));
        HttpResponse<String> rated = marker.send("POST", "/papers/7/rating", Map.of("rating", "5", "back", "/"),
                Map.of("X-Fragment", "row", "X-CSRF-Token", marker.csrfToken()));
        assertEquals(200, rated.statusCode());
        assertEquals(5, count(rated.body(), "row-track__star is-on"));
        assertEquals(303, marker.post("/papers/7/status", Map.of("status", "none")).statusCode());
        String after = marker.get("/").body();
        String cleared = after.substring(after.indexOf("id=\"track-7\""), after.indexOf("id=\"paper-8\""));
        assertFalse(Pattern.compile("data-status=\"\\w+\" aria-pressed=\"true\"").matcher(cleared).find());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
