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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/** A reader selects words in an abstract, comments on them, highlights an overlapping passage, and reloads. */
class AnnotationBrowserTest extends ChromiumTest {

    static FluentWait<WebDriver> wait;

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

    /** Script text: {@code rangeOver(phrase)} is a DOM Range over the first occurrence of phrase in the abstract. */
    private static final String RANGE_OVER = """
            const rangeOver = (phrase) => {
              const abstract = document.querySelector('.abstract');
              const walker = document.createTreeWalker(abstract, NodeFilter.SHOW_TEXT);
              const nodes = [];
              let text = '';
              while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
              const at = text.indexOf(phrase);
              if (at < 0) return null;
              const locate = (pos, isEnd) => {
                for (const [node, from] of nodes) {
                  const to = from + node.data.length;
                  if (isEnd ? pos <= to : pos < to) return [node, pos - from];
                }
              };
              const range = document.createRange();
              range.setStart(...locate(at, false));
              range.setEnd(...locate(at + phrase.length, true));
              return range;
            };
            """;

    /** Selects the first occurrence of {@code phrase} in the rendered abstract, as a drag of the mouse would. */
    static void select(String phrase) {
        select(phrase, false);
    }

    /** ... and with {@code throughFormula}, on to the end of the formula that follows it. */
    static void select(String phrase, boolean throughFormula) {
        Object ok = browser.executeScript(RANGE_OVER + """
                const range = rangeOver(arguments[0]);
                if (!range) return false;
                if (arguments[1]) {
                  const after = Array.from(document.querySelectorAll('.abstract .math'))
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

    /**
     * Where a mouse drag over {@code word} in the abstract starts and ends, measured in the page as it is rendered
     * (whatever the fonts and the window): the word is scrolled to the middle of the window, then the points are a
     * quarter of a character inside its first and last letters, in viewport coordinates as Actions wants them.
     * Measures once the fonts are in, and checks that the browser puts the caret at the word's ends for those points.
     */
    static DragPoints dragPointsOver(String word) {
        wait.until(d -> "loaded".equals(browser.executeScript("return document.fonts.status;"))); // no late reflow
        Object measured = browser.executeScript(RANGE_OVER + """
                const range = rangeOver(arguments[0]);
                if (!range) return 'not in the abstract';
                window.getSelection().removeAllRanges();
                range.startContainer.parentElement
                  .scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
                const boxes = range.getClientRects();
                if (boxes.length !== 1) return 'laid out in ' + boxes.length + ' boxes, not one';
                const letter = (node, offset) => {
                  const r = document.createRange();
                  r.setStart(node, offset);
                  r.setEnd(node, offset + 1);
                  return r.getBoundingClientRect();
                };
                const first = letter(range.startContainer, range.startOffset);
                const last = letter(range.endContainer, range.endOffset - 1);
                const y = Math.round(boxes[0].top + boxes[0].height / 2);
                const startX = Math.round(first.left + first.width / 4);
                const endX = Math.round(last.right - last.width / 4);
                if (y < 0 || y >= window.innerHeight || startX < 0 || endX >= window.innerWidth) {
                  return 'not in the window: ' + [startX, endX, y];
                }
                const at = (x) => document.caretRangeFromPoint(x, y);
                const a = at(startX), b = at(endX);
                if (!a || a.startContainer !== range.startContainer || a.startOffset !== range.startOffset
                    || !b || b.startContainer !== range.endContainer || b.startOffset !== range.endOffset) {
                  return 'the caret does not land on the word ends at ' + [startX, endX, y];
                }
                return [startX, endX, y];
                """, word);
        if (!(measured instanceof List<?> xy)) {
            throw new AssertionError("cannot drag across '" + word + "': " + measured);
        }
        return new DragPoints(((Number) xy.get(0)).intValue(), ((Number) xy.get(1)).intValue(),
                ((Number) xy.get(2)).intValue());
    }

    record DragPoints(int startX, int endX, int y) {}

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
        // saved in place: the abstract and its annotations come back without a reload
        browser.findElement(By.cssSelector("#annotation-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract mark.hl")));

        // an overlapping highlight, saved at once
        select("dot-product attention by one that uses locality");
        WebElement blueSwatch = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=highlight][data-colour=blue]")));
        blueSwatch.click();
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
    void draggingTheMouseAcrossAWordOffersTheToolbarAndHighlightsExactlyThatWord() {
        logInAs("reader");
        BrowserSteps.open(browser, app, "/papers/37");
        String word = "step"; // once in this abstract; four letters, so no hyphenation can split it over two lines
        DragPoints drag = dragPointsOver(word);
        new Actions(browser)
                .moveToLocation(drag.startX(), drag.y())
                .clickAndHold()
                .moveToLocation(drag.endX(), drag.y())
                .release()
                .perform();
        assertEquals(word, String.valueOf(browser.executeScript("return window.getSelection().toString();")).strip(),
                "the mouse selected the word");

        WebElement toolbar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hl-toolbar")));
        WebElement green = toolbar.findElement(By.cssSelector("button[data-hl-action=highlight][data-colour=green]"));
        green.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract mark.hl--green")));
        assertEquals(word, browser.executeScript("""
                return Array.from(document.querySelectorAll('.abstract mark.hl--green'))
                  .map(m => m.textContent).join('');
                """), "the green highlight covers the word and nothing else");
    }

    @Test
    void aTeammateSeesTheSharedCommentAndRepliesButNeverThePrivateHighlight() {
        logInAs("reader");
        BrowserSteps.open(browser, app, "/papers/38");
        select("the");
        WebElement pinkSwatch = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=highlight][data-colour=pink]")));
        pinkSwatch.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract mark.hl--pink")));

        select("emergent if it is not present in smaller models");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=comment]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("annotation-body"))).sendKeys("For the team");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("annotation-visibility")))
                .selectByValue("team");
        browser.findElement(By.cssSelector("#annotation-form button[type=submit]")).click();
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
