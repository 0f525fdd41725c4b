package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The compact catalogue at a laptop's size: fifteen papers or more on one screen, and each row's status buttons,
 * clearing and stars working in place. Saves what it looks like (and the add form) under target/screenshots.
 */
class CompactCatalogueBrowserTest extends ChromiumTest {

    static final ScreenshotBrowserTest.Screen DESKTOP = ScreenshotBrowserTest.SCREENS.get(0);

    @BeforeAll
    static void createAccount() throws IOException {
        BrowserSteps.createFirstAccount(browser, app, "reader", "Rita Reader");
        Files.createDirectories(ScreenshotBrowserTest.FOLDER);
    }

    @AfterEach
    void backToTheBrowsersOwnScreen() {
        ScreenshotBrowserTest.emulate(null, "light");
    }

    static Object db(String sql) {
        return app.app().database().read().fetchValue(sql);
    }

    static void waitForDb(String sql, Object expected) {
        BrowserSteps.wait(browser).until(d -> Objects.equals(String.valueOf(db(sql)), String.valueOf(expected)));
    }

    static void useView(String view) {
        BrowserSteps.open(browser, app, "/");
        String label = view.equals("compact") ? "Compact view" : "Normal view";
        if (browser.findElements(By.xpath("//button[@data-view-toggle and normalize-space()='" + label + "']")).isEmpty()) {
            return;
        }
        BrowserSteps.loadNextPage(browser, browser.findElement(By.cssSelector("button[data-view-toggle]"))::click);
    }

    @Test
    void theCompactViewShowsFifteenPapersOrMoreOnALaptopScreen() throws IOException {
        ScreenshotBrowserTest.emulate(DESKTOP, "light");
        useView("compact");
        assertTrue(browser.findElement(By.cssSelector(".paper-list")).getAttribute("class").contains("paper-list--compact"));
        Number visible = (Number) browser.executeScript("""
                return Array.from(document.querySelectorAll('.paper-row')).filter(function (row) {
                  var box = row.getBoundingClientRect();
                  return box.top >= 0 && box.bottom <= window.innerHeight;
                }).length;""");
        save("catalogue-compact-first-screen.png");
        assertEquals(900L, ((Number) browser.executeScript("return window.innerHeight;")).longValue());
        assertTrue(visible.intValue() >= 15, visible + " papers fully on a 1280×900 screen");
        for (ScreenshotBrowserTest.Screen screen : ScreenshotBrowserTest.SCREENS) {
            for (String scheme : List.of("light", "dark")) {
                ScreenshotBrowserTest.emulate(screen, scheme);
                BrowserSteps.open(browser, app, "/");
                assertFitsTheScreen(screen);
                save("catalogue-compact-" + screen.name() + "-" + scheme + ".png");
            }
        }
        ScreenshotBrowserTest.emulate(DESKTOP, "light");
        useView("normal");
        assertTrue(browser.findElements(By.cssSelector(".paper-list--compact")).isEmpty(), "the view is switched back");
    }

    @Test
    void aRowsButtonsMarkClearAndRateInPlace() {
        ScreenshotBrowserTest.emulate(DESKTOP, "light");
        useView("compact");
        browser.executeScript("window.__noReload = true;");
        browser.findElement(By.cssSelector("#track-3 button[data-status='reading']")).click();
        waitForDb("SELECT status FROM reading_status WHERE paper_id = 3", "reading");
        BrowserSteps.wait(browser).until(ExpectedConditions.attributeToBe(
                By.cssSelector("#track-3 button[data-status='reading']"), "aria-pressed", "true"));
        assertEquals(1, browser.findElements(By.cssSelector("#track-3 [aria-pressed='true'][data-status]")).size(),
                "the status shows once");

        browser.findElement(By.cssSelector("#track-3 .row-track__form .row-track__clear")).click();
        waitForDb("SELECT coalesce((SELECT status FROM reading_status WHERE paper_id = 3), 'none')", "none");
        BrowserSteps.wait(browser).until(d -> d.findElements(By.cssSelector("#track-3 [aria-pressed='true'][data-status]"))
                .isEmpty());

        browser.findElement(By.cssSelector("#track-3 .row-track__star[value='4']")).click();
        waitForDb("SELECT halves FROM rating WHERE paper_id = 3", 8);
        BrowserSteps.wait(browser).until(d -> d.findElements(By.cssSelector("#track-3 .row-track__star.is-on")).size() == 4);
        browser.findElement(By.cssSelector("#track-3 .row-track__rate .row-track__clear")).click();
        waitForDb("SELECT count(*) FROM rating WHERE paper_id = 3", 0);
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__noReload === true;"), "no page reload");
        useView("normal");
    }

    @Test
    void theCatalogueAndTheAddFormAtBothSizes() throws IOException {
        useView("normal");
        for (ScreenshotBrowserTest.Screen screen : ScreenshotBrowserTest.SCREENS) {
            for (String scheme : List.of("light", "dark")) {
                ScreenshotBrowserTest.emulate(screen, scheme);
                BrowserSteps.open(browser, app, "/");
                assertFitsTheScreen(screen);
                save("catalogue-normal-" + screen.name() + "-" + scheme + ".png");
                BrowserSteps.open(browser, app, "/papers/new");
                assertFitsTheScreen(screen);
                save("paper-new-" + screen.name() + "-" + scheme + ".png");
            }
        }
    }

    private static void assertFitsTheScreen(ScreenshotBrowserTest.Screen screen) {
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        assertTrue(width.intValue() <= screen.width(), browser.getCurrentUrl() + " is " + width + " px wide at "
                + screen.width());
    }

    private static void save(String file) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(ScreenshotBrowserTest.FOLDER.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
