package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The header's search box: "/" focuses it, results appear as you type, the arrow keys choose, Enter opens. */
class SearchBrowserTest extends ChromiumTest {

    @BeforeAll
    static void createAccountAndNote() {
        BrowserSteps.createFirstAccount(browser, app, "reader", "Rita Reader");
        app.app().database().write(dsl -> dsl.execute("INSERT INTO note (user_id, paper_id, body, revision, updated_at)"
                + " SELECT id, 36, 'hashing buckets, see $O(L \\log L)$', 1, '2026-01-01T00:00:00Z' FROM account"));
    }

    private static WebElement box() {
        return browser.findElement(By.id("site-search-q"));
    }

    /** Waits until the live results answer what the box holds now. */
    private static void awaitLiveResultsFor(String q) {
        BrowserSteps.wait(browser).until(ExpectedConditions.attributeToBe(By.cssSelector("form[data-live-search]"),
                "data-live-for", q));
    }

    @Test
    void slashFocusesTheBoxTypingShowsResultsArrowsChooseAndEnterOpensTheChoice() {
        BrowserSteps.open(browser, app, "/library");
        BrowserSteps.type(browser, "/");
        assertEquals("site-search-q", browser.switchTo().activeElement().getAttribute("id"), "/ focuses the search box");
        assertEquals("", box().getAttribute("value"), "the slash is not typed into it");

        BrowserSteps.type(browser, "hashing");
        awaitLiveResultsFor("hashing");
        WebElement listbox = browser.findElement(By.id("site-search-listbox"));
        assertTrue(listbox.isDisplayed());
        assertEquals("true", box().getAttribute("aria-expanded"));
        WebElement first = listbox.findElement(By.cssSelector("[role=option]"));
        assertEquals("/papers/36", first.getAttribute("data-href"));
        assertTrue(first.getText().contains("Reformer"), first.getText());

        BrowserSteps.type(browser, Keys.ARROW_DOWN);
        assertEquals(first.getAttribute("id"), box().getAttribute("aria-activedescendant"));
        assertEquals("true", first.getAttribute("aria-selected"));
        BrowserSteps.type(browser, Keys.ARROW_UP);
        WebElement all = listbox.findElement(By.cssSelector(".live-result--all"));
        assertEquals(all.getAttribute("id"), box().getAttribute("aria-activedescendant"), "up from the first wraps to the last");
        assertEquals("false", first.getAttribute("aria-selected"));
        BrowserSteps.loadNextPage(browser, () -> BrowserSteps.type(browser, Keys.ENTER));
        assertTrue(browser.getCurrentUrl().endsWith("/search?q=hashing"), browser.getCurrentUrl());
        assertEquals("Search", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".search-result__title a[href='/papers/36']")).isDisplayed());
    }

    @Test
    void escapeClosesTheResultsAndEnterWithoutAChoiceSearchesAllOfThem() {
        BrowserSteps.open(browser, app, "/");
        box().click();
        BrowserSteps.type(browser, "transformer");
        awaitLiveResultsFor("transformer");
        BrowserSteps.type(browser, Keys.ESCAPE);
        assertFalse(browser.findElement(By.id("site-search-listbox")).isDisplayed());
        assertEquals("false", box().getAttribute("aria-expanded"));
        BrowserSteps.loadNextPage(browser, () -> BrowserSteps.type(browser, Keys.ENTER));
        assertTrue(browser.getCurrentUrl().endsWith("/search?q=transformer"), browser.getCurrentUrl());
        assertEquals("transformer", box().getAttribute("value"));
        assertFalse(browser.findElements(By.cssSelector(".search-result mark")).isEmpty());
    }

    @Test
    void mathInSnippetsIsRenderedWhole() {
        BrowserSteps.open(browser, app, "/search?q=buckets");
        WebElement hit = browser.findElement(By.cssSelector(".search-hit--note"));
        assertTrue(hit.getText().contains("in your note"));
        WebElement formula = hit.findElement(By.cssSelector(".math"));
        assertTrue(formula.getAttribute("data-rendered") != null, "KaTeX rendered it");
        assertFalse(hit.getText().contains("$"), "no raw TeX delimiters left");
    }
}
