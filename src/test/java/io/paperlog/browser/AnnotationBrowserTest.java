package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.paperlog.testing.Chromium;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader selects words in an abstract, comments on them, highlights an overlapping passage, and reloads. */
class AnnotationBrowserTest extends ChromiumTest {

    static WebDriverWait wait;

    @BeforeAll
    static void createAccounts() {
        wait = BrowserSteps.wait(browser);
        app.member("reader", "Rita Reader");
        app.member("mate", "Mo Mate");
    }

    static void logInAs(String username) {
        BrowserSteps.open(browser, app, "/login");
        browser.manage().deleteAllCookies();
        BrowserSteps.logIn(browser, app, username);
    }


    /** Selects the first occurrence of {@code phrase} in the rendered abstract, as a drag of the mouse would. */
    static void select(String phrase) {
        select(phrase, false);
    }

    /** ... and with {@code throughFormula}, on to the end of the formula that follows it. */
    static void select(String phrase, boolean throughFormula) {
        Object ok = browser.executeScript("""
                const phrase = arguments[0];
                const abstract = document.querySelector('.abstract');
                const walker = document.createTreeWalker(abstract, NodeFilter.SHOW_TEXT);
                const nodes = [];
                let text = '';
                while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
                const at = text.indexOf(phrase);
                if (at < 0) return false;
                const locate = (pos, isEnd) => {
                  for (const [node, from] of nodes) {
                    const to = from + node.data.length;
                    if (isEnd ? pos <= to : pos < to) return [node, pos - from];
                  }
                };
                const range = document.createRange();
                range.setStart(...locate(at, false));
                range.setEnd(...locate(at + phrase.length, true));
                if (arguments[1]) {
                  const after = Array.from(abstract.querySelectorAll('.math'))
                    .find(m => range.comparePoint(m, 0) >= 0);
                  range.setEndAfter(after);
                }
                const sel = window.getSelection();
                sel.removeAllRanges();
                sel.addRange(range);
                return true;
                """, phrase, throughFormula);
        assertEquals(Boolean.TRUE, ok, phrase);
    }

    @Test
    void selectCommentHighlightAnOverlapReloadAndFindEverythingInPlace() throws Exception {
        logInAs("reader");
        BrowserSteps.open(browser, app, "/papers/36");

        // a comment on a passage that contains a formula
        select("locality-sensitive hashing, changing its complexity from O(", true);
        WebElement commentButton = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=comment]")));
        commentButton.click();
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("annotation-body")));
        assertEquals(body, browser.switchTo().activeElement(), "the editor has the focus");
        body.sendKeys("Hashing makes attention **cheaper**");
        BrowserSteps.loadNextPage(browser,
                () -> browser.findElement(By.cssSelector("#annotation-form button[type=submit]")).click());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract mark.hl")));

        // an overlapping highlight, saved at once
        select("dot-product attention by one that uses locality");
        WebElement blueSwatch = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=highlight][data-colour=blue]")));
        BrowserSteps.loadNextPage(browser, blueSwatch::click);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract mark.hl--blue")));

        BrowserSteps.reload(browser);
        List<WebElement> items = browser.findElements(By.cssSelector(".annotations .annotation"));
        assertEquals(2, items.size());
        WebElement blue = items.get(0);
        WebElement commented = items.get(1);
        assertTrue(blue.getText().contains("dot-product attention by one that uses locality"), blue.getText());
        assertTrue(commented.getText().contains("Hashing makes attention cheaper"), commented.getText());
        assertEquals("cheaper", commented.findElement(By.cssSelector(".annotation__body strong")).getText());

        // both marks are in place, nested where they overlap, the formula inside the mark still rendered by KaTeX
        String commentedId = commented.getAttribute("data-annotation");
        String marked = (String) browser.executeScript("""
                return Array.from(document.querySelectorAll('.abstract mark[data-annotation="' + arguments[0] + '"]'))
                  .map(m => m.querySelector('.katex') ? '[math]' : m.textContent).join('');
                """, commentedId);
        assertTrue(marked.startsWith("locality-sensitive hashing, changing its complexity from O("), marked);
        assertFalse(browser.findElements(By.cssSelector(".abstract mark.hl--blue mark.hl--yellow, "
                + ".abstract mark.hl--yellow mark.hl--blue")).isEmpty(), "the overlap is nested");
        assertFalse(browser.findElements(By.cssSelector(".abstract mark[data-annotation='" + commentedId
                + "'] .math .katex")).isEmpty(), "KaTeX renders inside the mark");

        // linked both ways
        WebElement ref = browser.findElement(By.cssSelector("#mark-ref-" + commentedId));
        ref.click();
        wait.until(ExpectedConditions.urlMatches("#annotation-" + commentedId + "$"));
        commented.findElement(By.cssSelector("a.annotation__quote")).click();
        wait.until(ExpectedConditions.urlMatches("#mark-" + commentedId + "$"));

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "annotations-screenshot.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);

        BrowserSteps.open(browser, app, "/annotations");
        assertTrue(browser.findElements(By.cssSelector(".annotation")).size() >= 2);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "annotations-list-screenshot.png"),
                StandardCopyOption.REPLACE_EXISTING);
        // a phone-sized window for the screenshot only; the other tests get the usual window back whatever happens
        browser.manage().window().setSize(new Dimension(420, 900));
        try {
            BrowserSteps.open(browser, app, "/papers/36#annotations");
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target", "annotations-phone-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(Chromium.WINDOW);
        }
    }

    @Test
    void doubleClickingAWordWithTheMouseOffersTheToolbar() {
        logInAs("reader");
        BrowserSteps.open(browser, app, "/papers/37");
        WebElement firstPiece = browser.findElement(By.cssSelector(".abstract .src"));
        new Actions(browser).doubleClick(firstPiece).perform();
        WebElement toolbar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hl-toolbar")));
        assertTrue(toolbar.isDisplayed());
        toolbar.findElement(By.cssSelector("button[data-colour=green]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract mark.hl--green")));
    }

    @Test
    void aTeammateSeesTheSharedCommentAndRepliesButNeverThePrivateHighlight() {
        logInAs("reader");
        BrowserSteps.open(browser, app, "/papers/38");
        select("the");
        WebElement pinkSwatch = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=highlight][data-colour=pink]")));
        BrowserSteps.loadNextPage(browser, pinkSwatch::click);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract mark.hl--pink")));

        String text = browser.findElement(By.cssSelector(".abstract")).getText();
        String phrase = text.substring(text.length() / 2, text.length() / 2 + 30).strip();
        select(phrase);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=comment]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("annotation-body"))).sendKeys("For the team");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("annotation-visibility")))
                .selectByValue("team");
        BrowserSteps.loadNextPage(browser,
                () -> browser.findElement(By.cssSelector("#annotation-form button[type=submit]")).click());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".annotation .badge")));
        assertEquals(2, browser.findElements(By.cssSelector(".annotations .annotation")).size());

        logInAs("mate");
        BrowserSteps.open(browser, app, "/papers/38");
        List<WebElement> items = browser.findElements(By.cssSelector(".annotations .annotation"));
        assertEquals(1, items.size());
        assertTrue(items.get(0).getText().contains("For the team"));
        assertTrue(items.get(0).getText().contains("Rita Reader"));
        assertTrue(browser.findElements(By.cssSelector(".abstract mark.hl--pink")).isEmpty(), "private stays private");
        assertEquals(1, browser.findElements(By.cssSelector(".abstract mark[id^=mark-]")).size());

        BrowserSteps.loadNextPage(browser, items.get(0).findElement(By.linkText("Reply"))::click);
        browser.findElement(By.id("reply-body")).sendKeys("Agreed, from Mo");
        BrowserSteps.loadNextPage(browser,
                () -> browser.findElement(By.cssSelector(".reply-form button[type=submit]")).click());
        wait.until(ExpectedConditions.urlContains("/papers/38"));
        assertTrue(browser.findElement(By.cssSelector(".annotations .reply")).getText().contains("Agreed, from Mo"));
        BrowserSteps.open(browser, app, "/annotations");
        assertTrue(browser.findElements(By.cssSelector(".annotation")).isEmpty(), "mate's own list is empty");
    }
}
