package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.paperlog.testing.Showcase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * axe-core, in Chromium, over every page of the showcase (the same pages the screenshot test saves) in light and
 * dark colours: no serious or critical violation.
 */
class AccessibilityBrowserTest extends ChromiumTest {

    static Showcase showcase;

    @BeforeAll
    static void fill() {
        showcase = Showcase.fill(app);
    }

    @Test
    void everyPageIsFreeOfSeriousViolationsInLightAndDarkColours() {
        List<String> problems = new ArrayList<>();
        browser.manage().deleteAllCookies();
        for (String scheme : List.of("light", "dark")) {
            prefer(scheme);
            for (Showcase.Page page : showcase.publicPages()) {
                problems.addAll(seriousViolations(page.path(), scheme));
            }
        }
        BrowserSteps.logIn(browser, app, "admin");
        for (String scheme : List.of("light", "dark")) {
            prefer(scheme);
            for (Showcase.Page page : showcase.pages()) {
                problems.addAll(seriousViolations(page.path(), scheme));
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
