package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Tags in headless Chromium: added and removed on a paper's page in place, without disturbing the rest of the
 * page; a refused tag said beside the field with what was typed kept; ticked catalogue rows tagged together. The
 * tags pages and the editor are also saved as screenshots at a laptop's and a phone's width, light and dark.
 */
class TagsBrowserTest extends ChromiumTest {

    static long userId;

    @BeforeAll
    static void createAccount() {
        BrowserSteps.createFirstAccount(browser, app, "tagger", "Tae Gger");
        userId = ((Number) app.app().database().read().fetchValue("SELECT id FROM account WHERE username = 'tagger'"))
                .longValue();
    }

    static String tagsOn(long paper) {
        return String.valueOf(app.app().database().read().fetchValue("SELECT group_concat(name, ',') FROM (SELECT t.name "
                + "FROM tag t JOIN paper_tag p ON p.tag_id = t.id WHERE t.user_id = ? AND p.paper_id = ? ORDER BY t.name_key)",
                userId, paper));
    }

    static void waitForTags(long paper, String expected) {
        BrowserSteps.wait(browser).until(d -> Objects.equals(tagsOn(paper), expected));
    }

    static List<String> chips(String css) {
        List<String> names = new ArrayList<>();
        browser.findElements(By.cssSelector(css)).forEach(e -> names.add(e.getText()));
        return names;
    }

    @Test
    void addAndRemoveTagsOnAPaperPageInPlace() {
        BrowserSteps.open(browser, app, "/papers/3");
        browser.executeScript("window.__noReload = true;");
        browser.findElement(By.id("tag-input")).sendKeys("rlhf, Safety", Keys.ENTER);
        waitForTags(3, "rlhf,Safety");
        BrowserSteps.wait(browser).until(d -> chips("#paper-tags .tag-chip__name").equals(List.of("#rlhf", "#Safety")));
        assertEquals("tag-input", browser.switchTo().activeElement().getAttribute("id"), "ready for the next tag");
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__noReload === true;"), "no page reload");
        assertEquals(1L, browser.executeScript("return document.querySelectorAll('#paper-tags').length;"));
        assertEquals(1L, browser.executeScript("return document.querySelectorAll('#tracking-panel').length;"),
                "the rest of the page is as it was");
        assertTrue(browser.findElements(By.cssSelector(".abstract .katex, .abstract")).size() > 0);

        browser.findElement(By.cssSelector("#paper-tags button[aria-label='Remove tag rlhf']")).click();
        waitForTags(3, "Safety");
        BrowserSteps.wait(browser).until(d -> chips("#paper-tags .tag-chip__name").equals(List.of("#Safety")));

        BrowserSteps.type(browser, "two/words", Keys.ENTER);
        BrowserSteps.wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("tag-error")));
        assertEquals("two/words", browser.findElement(By.id("tag-input")).getAttribute("value"), "what was typed stays");
        assertEquals("true", browser.findElement(By.id("tag-input")).getAttribute("aria-invalid"));
        assertEquals("Safety", tagsOn(3), "nothing stored changed");
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__noReload === true;"), "no page reload");
    }

    @Test
    void tagTickedCatalogueRowsTogether() {
        BrowserSteps.open(browser, app, "/?status=none");
        browser.findElement(By.cssSelector("#paper-1 input[name=paper]")).click();
        browser.findElement(By.cssSelector("#paper-2 input[name=paper]")).click();
        browser.findElement(By.id("selection-tags")).sendKeys("survey to-read");
        BrowserSteps.loadNextPage(browser, () ->
                browser.findElement(By.cssSelector("#tag-selection button[type=submit]")).click());
        waitForTags(1, "survey,to-read");
        waitForTags(2, "survey,to-read");
        assertEquals("null", tagsOn(4));
        assertTrue(browser.getCurrentUrl().endsWith("/?status=none"), "back on the catalogue as it was");
        assertEquals(List.of("#survey", "#to-read"), chips("#paper-1 .tag-chip__name"));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("2 papers"));

        BrowserSteps.open(browser, app, "/?tag=survey");
        assertEquals(2, browser.findElements(By.cssSelector(".paper-row")).size());
    }

    @Test
    void tagPagesAndTheEditorOnEveryScreen() throws IOException {
        for (String paper : List.of("36", "12", "1")) {
            BrowserSteps.open(browser, app, "/papers/" + paper);
            browser.findElement(By.id("tag-input")).sendKeys("scaling language-models", Keys.ENTER);
            BrowserSteps.wait(browser).until(d -> chips("#paper-tags .tag-chip__name").contains("#scaling"));
        }
        Files.createDirectories(ScreenshotBrowserTest.FOLDER);
        List<String> tooWide = new ArrayList<>();
        for (String[] page : List.of(new String[] {"tags", "/tags"}, new String[] {"tag", "/tags/scaling"},
                new String[] {"tag-editor", "/papers/36"}, new String[] {"catalogue-tagged", "/?tag=scaling&sort=rank"})) {
            for (ScreenshotBrowserTest.Screen screen : ScreenshotBrowserTest.SCREENS) {
                for (String scheme : List.of("light", "dark")) {
                    ScreenshotBrowserTest.emulate(screen, scheme);
                    BrowserSteps.open(browser, app, page[1]);
                    Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
                    if (width.intValue() > screen.width()) {
                        tooWide.add(page[1] + " at " + screen.width() + " px: " + width);
                    }
                    ScreenshotBrowserTest.save("tags-" + page[0] + "-" + screen.name() + "-" + scheme + ".png");
                }
            }
        }
        ScreenshotBrowserTest.emulate(null, "light");
        assertTrue(tooWide.isEmpty(), String.join("\n", tooWide));
    }
}
