package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.paperlog.testing.Showcase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page on a 390 × 844 phone: nothing scrolls sideways, axe-core finds no serious or critical violation, and
 * the header's menu reaches every section and the account.
 */
class PhoneBrowserTest extends ChromiumTest {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;
    static final List<String> SECTIONS = List.of("Papers", "Library", "Read next", "Lists", "Team", "Stats", "Annotations",
            "Tags", "Admin");

    static Showcase showcase;

    @BeforeAll
    static void fill() {
        showcase = Showcase.fill(app);
    }

    @AfterEach
    void desktopAgain() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static void screen(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    @Test
    void noPageScrollsSidewaysOrHasASeriousViolationOnAPhone() {
        screen(WIDTH, HEIGHT, true);
        List<String> problems = new ArrayList<>();
        browser.manage().deleteAllCookies();
        for (Showcase.Page page : showcase.publicPages()) {
            problems.addAll(look(page));
        }
        BrowserSteps.logIn(browser, app, "admin");
        for (Showcase.Page page : showcase.pages()) {
            problems.addAll(look(page));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> look(Showcase.Page page) {
        BrowserSteps.open(browser, app, page.path());
        List<String> problems = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) browser.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        assertEquals(WIDTH, widths.get(1).intValue(), "the phone's viewport");
        if (widths.get(0).intValue() > widths.get(1).intValue()) {
            problems.add(page.name() + " (" + page.path() + ") is " + widths.get(0) + " px wide");
        }
        // legacy mode runs axe in the page itself: the pages have no frames, and the newer mode's extra window
        // does not survive the phone's emulated screen
        for (Rule rule : new AxeBuilder().setLegacyMode(true).analyze(browser).getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add(page.name() + " (" + page.path() + "): " + rule.getId() + " (" + rule.getImpact() + ") "
                        + rule.getHelp() + " at " + rule.getNodes().stream().limit(3)
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
            }
        }
        return problems;
    }

    @Test
    void thePhoneMenuOpensOnEverySectionAndTheAccount() {
        browser.manage().deleteAllCookies();
        BrowserSteps.logIn(browser, app, "admin");
        screen(WIDTH, HEIGHT, true);
        BrowserSteps.open(browser, app, "/library");
        assertFalse(browser.findElement(By.cssSelector(".site-nav")).isDisplayed(), "the wide row is folded away");
        WebElement menu = browser.findElement(By.cssSelector(".site-menu"));
        WebElement summary = menu.findElement(By.tagName("summary"));
        assertTrue(summary.isDisplayed());
        assertFalse(menu.findElement(By.cssSelector("a[href=\"/stats\"]")).isDisplayed(), "closed, the menu shows no link");

        summary.click();
        for (String section : SECTIONS) {
            WebElement link = menu.findElement(By.linkText(section));
            assertTrue(link.isDisplayed(), section);
            Number right = (Number) browser.executeScript(
                    "return arguments[0].getBoundingClientRect().right;", link);
            assertTrue(right.doubleValue() <= WIDTH, section + " ends at " + right);
        }
        assertEquals("page", menu.findElement(By.linkText("Library")).getAttribute("aria-current"));
        assertTrue(menu.findElement(By.cssSelector(".site-menu__account a")).isDisplayed(), "the account");
        assertTrue(menu.findElement(By.cssSelector(".site-menu__logout button")).isDisplayed(), "log out");
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        assertTrue(width.intValue() <= WIDTH, "the open menu fits: " + width);

        BrowserSteps.loadNextPage(browser, menu.findElement(By.linkText("Stats"))::click);
        assertEquals("/stats", browser.executeScript("return location.pathname;"));
    }

    @Test
    void aLaptopShowsTheSectionsInTheHeaderAndNoMenu() {
        browser.manage().deleteAllCookies();
        BrowserSteps.logIn(browser, app, "admin");
        screen(1280, 900, false);
        BrowserSteps.open(browser, app, "/library");
        assertFalse(browser.findElement(By.cssSelector(".site-menu")).isDisplayed());
        for (String section : SECTIONS) {
            assertTrue(browser.findElement(By.cssSelector(".site-nav")).findElement(By.linkText(section)).isDisplayed(),
                    section);
        }
        assertTrue(browser.findElement(By.cssSelector(".account-menu__name")).isDisplayed());
    }
}
