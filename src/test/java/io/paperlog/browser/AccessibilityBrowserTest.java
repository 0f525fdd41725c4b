package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.paperlog.testing.Client;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** axe-core, in Chromium, over every kind of page in light and dark colours: no serious or critical violation. */
class AccessibilityBrowserTest extends ChromiumTest {

    private static final List<String> PAGES = new ArrayList<>(List.of("/", "/?status=read", "/papers/36", "/papers/60",
            "/library", "/stats", "/annotations", "/help", "/account", "/admin", "/papers/99999", "/lists", "/lists/new",
            "/activity", "/notifications"));

    /** Pages anyone with the link may open, checked without a session. */
    private static final List<String> PUBLIC_PAGES = new ArrayList<>(List.of("/login"));

    @BeforeAll
    static void createAccountsWithSomeReadingAndAList() {
        Client reader = app.admin();
        BrowserSteps.logIn(browser, app, "admin");
        expectRedirect("/papers/36", reader.post("/papers/36/status", Map.of("status", "read")));
        expectRedirect("/papers/36", reader.post("/papers/36/rating", Map.of("rating", "4.5")));
        expectRedirect("/papers/36", reader.post("/papers/36/note",
                Map.of("body", "**Locality-sensitive hashing** is the trick.", "base_revision", "0")));

        Client teammate = app.member("bea", "Bea Teammate");
        expectRedirect("/papers/36", teammate.post("/papers/36/status", Map.of("status", "reading")));
        String list = reader.post("/lists", Map.of("name", "Reading group", "visibility", "team",
                "description", "Papers for *Thursdays*")).headers().firstValue("Location").orElseThrow();
        expectSeeOther(reader.post(list + "/items", Map.of("paper", "36")));
        expectSeeOther(reader.post(list + "/items", Map.of("paper", "1")));
        String item = list + "/items/" + app.app().database().read()
                .fetchValue("SELECT min(id) FROM list_item");
        expectSeeOther(reader.post(item + "/note", Map.of("note", "Start with **section 3**.")));
        expectSeeOther(reader.post(item + "/session", Map.of("date", "2026-12-03", "presenter", "bea")));
        expectSeeOther(teammate.post(item + "/comments", Map.of("body", "The *LSH* part lost me.")));
        expectSeeOther(reader.post(list + "/public", Map.of("public", "on")));
        PAGES.addAll(List.of(list, list + "/coverage", list + "/settings", item));
        PUBLIC_PAGES.add("/shared/" + app.app().database().read()
                .fetchValue("SELECT public_token FROM reading_list WHERE public_token IS NOT NULL"));
    }

    /**
     * A setup post that did not work fails here, not later as a check of the wrong page: each one answers 303 back
     * to the page (a refused one answers 4xx; one without a session is sent to /login instead).
     */
    private static void expectSeeOther(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.request().uri().getPath() + " answered:\n" + response.body());
    }

    private static void expectRedirect(String location, HttpResponse<String> response) {
        String what = response.request().method() + " " + response.request().uri().getPath();
        assertEquals(303, response.statusCode(), what + " answered:\n" + response.body());
        assertEquals(location, response.headers().firstValue("Location").orElse(null), what + " redirected elsewhere");
    }


    @Test
    void everyPageIsFreeOfSeriousViolationsInLightAndDarkColours() {
        List<String> problems = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            prefer(scheme);
            for (String page : PAGES) {
                problems.addAll(seriousViolations(page, scheme));
            }
        }
        browser.manage().deleteAllCookies();
        for (String scheme : List.of("light", "dark")) {
            prefer(scheme);
            for (String page : PUBLIC_PAGES) {
                problems.addAll(seriousViolations(page, scheme));
            }
        }
        prefer("light");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Tells the pages the person prefers light or dark colours, as the system setting would. */
    private static void prefer(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static List<String> seriousViolations(String page, String scheme) {
        BrowserSteps.open(browser, app, page);
        assertEquals(scheme.equals("dark"), browser.executeScript(
                "return window.matchMedia('(prefers-color-scheme: dark)').matches;"), "the page sees " + scheme);
        Results results = new AxeBuilder().analyze(browser);
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add(page + " (" + scheme + "): " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")));
            }
        }
        return problems;
    }
}
