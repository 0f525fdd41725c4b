package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** axe-core, in Chromium, over every kind of page: no serious or critical accessibility violation. */
class AccessibilityBrowserTest extends ChromiumTest {

    private static final List<String> PAGES = List.of("/", "/?status=read", "/papers/36", "/papers/60", "/library",
            "/stats", "/annotations", "/help", "/account", "/admin", "/papers/99999");


    @BeforeAll
    static void createAccountWithSomeReading() {
        BrowserSteps.createFirstAccount(browser, app, "ada", "Ada Lovelace");
        var reader = app.visitor();
        expectRedirect("/", reader.post("/login", Map.of("username", "ada", "password", TestApp.PASSWORD)));
        expectRedirect("/papers/36", reader.post("/papers/36/status", Map.of("status", "read")));
        expectRedirect("/papers/36", reader.post("/papers/36/rating", Map.of("rating", "4.5")));
        expectRedirect("/papers/36", reader.post("/papers/36/note",
                Map.of("body", "**Locality-sensitive hashing** is the trick.", "base_revision", "0")));
    }

    /**
     * A setup post that did not work fails here, not later as a check of the wrong page: each one answers 303 back
     * to the page (a refused one answers 4xx; one without a session is sent to /login instead).
     */
    private static void expectRedirect(String location, HttpResponse<String> response) {
        String what = response.request().method() + " " + response.request().uri().getPath();
        assertEquals(303, response.statusCode(), what + " answered:\n" + response.body());
        assertEquals(location, response.headers().firstValue("Location").orElse(null), what + " redirected elsewhere");
    }


    @Test
    void everyPageIsFreeOfSeriousViolations() {
        List<String> problems = new ArrayList<>();
        for (String page : PAGES) {
            problems.addAll(seriousViolations(page));
        }
        browser.manage().deleteAllCookies();
        problems.addAll(seriousViolations("/login"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> seriousViolations(String page) {
        BrowserSteps.open(browser, app, page);
        Results results = new AxeBuilder().analyze(browser);
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")));
            }
        }
        return problems;
    }
}
