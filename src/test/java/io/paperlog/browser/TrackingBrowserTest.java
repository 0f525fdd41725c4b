package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/** Marking, rating with the keyboard, autosaving a note and the two-tab conflict, in headless Chromium. */
class TrackingBrowserTest extends ChromiumTest {

    static long userId;

    @BeforeAll
    static void createAccount() {
        BrowserSteps.createFirstAccount(browser, app, "reader", "Rea Der");
        userId = ((Number) app.app().database().read().fetchValue("SELECT id FROM account WHERE username = 'reader'"))
                .longValue();
    }


    static Object db(String sql) {
        return app.app().database().read().fetchValue(sql, userId);
    }

    static void waitForDb(String sql, Object expected) {
        waitFor().until(d -> Objects.equals(String.valueOf(db(sql)), String.valueOf(expected)));
    }

    /** Waits that look elements up again when app.js has just swapped them for fresh ones. */
    static FluentWait<WebDriver> waitFor() {
        return BrowserSteps.wait(browser);
    }

    static void markPage() {
        browser.executeScript("window.__noReload = true;");
    }

    static void assertNoReload() {
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__noReload === true;"), "no page reload");
    }

    @Test
    void markAPaperReadInPlace() {
        BrowserSteps.open(browser, app, "/papers/3");
        markPage();
        browser.findElement(By.cssSelector(".tracking__status button[data-status='read']")).click();
        waitFor().until(ExpectedConditions.attributeToBe(
                By.cssSelector(".tracking__status button[data-status='read']"), "aria-pressed", "true"));
        waitForDb("SELECT status FROM reading_status WHERE user_id = ? AND paper_id = 3", "read");
        assertNoReload();
        waitFor().until(d -> d.findElement(By.cssSelector("input[name=finished_on]")).getAttribute("value")
                .matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void setThreeAndAHalfStarsWithTheKeyboard() {
        BrowserSteps.open(browser, app, "/papers/4");
        markPage();
        browser.executeScript("document.getElementById('star-1').focus();");
        BrowserSteps.type(browser, Keys.SPACE);
        for (int i = 0; i < 6; i++) {
            BrowserSteps.type(browser, Keys.ARROW_RIGHT);
        }
        waitForDb("SELECT halves FROM rating WHERE user_id = ? AND paper_id = 4", 7);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".rating-form legend"), "3.5 of 5"));
        assertEquals("star-7", browser.switchTo().activeElement().getAttribute("id"), "focus stays on the stars");
        assertNoReload();
    }

    @Test
    void catalogueShortcutsMoveMarkAndRate() {
        BrowserSteps.open(browser, app, "/");
        markPage();
        BrowserSteps.type(browser, "j");
        BrowserSteps.type(browser, "j");
        BrowserSteps.type(browser, "w");
        waitForDb("SELECT status FROM reading_status WHERE user_id = ? AND paper_id = 2", "want");
        BrowserSteps.type(browser, "4");
        waitForDb("SELECT halves FROM rating WHERE user_id = ? AND paper_id = 2", 8);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#track-2 button[aria-pressed='true']"), "Want"));
        assertNoReload();
        BrowserSteps.type(browser, "?");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("shortcuts")));
    }

    @Test
    void typeANoteSeeItAutosavedThenAConflictFromASecondTabLosesNeitherText() {
        BrowserSteps.open(browser, app, "/papers/5");
        String firstTab = browser.getWindowHandle();
        WebElement note = browser.findElement(By.id("note-body"));
        note.sendKeys("First thoughts: **attention** matters.");
        waitForDb("SELECT body FROM note WHERE user_id = ? AND paper_id = 5", "First thoughts: **attention** matters.");
        waitFor().until(ExpectedConditions.textMatches(By.cssSelector("[data-note-status]"),
                java.util.regex.Pattern.compile("Saved")));

        browser.switchTo().newWindow(WindowType.TAB);
        String secondTab = browser.getWindowHandle();
        BrowserSteps.open(browser, app, "/papers/5");
        browser.findElement(By.id("note-body")).sendKeys(" Second tab adds this.");
        waitForDb("SELECT body FROM note WHERE user_id = ? AND paper_id = 5",
                "First thoughts: **attention** matters. Second tab adds this.");

        browser.switchTo().window(firstTab);
        browser.findElement(By.id("note-body")).sendKeys(" First tab keeps typing.");
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".conflict")));
        // what only the saved version has is struck through in the difference shown
        String onlyTheirs = browser.findElement(By.cssSelector(".conflict .diff")).findElements(By.tagName("del"))
                .stream().map(WebElement::getText).reduce("", String::concat);
        assertTrue(onlyTheirs.contains("Second"), onlyTheirs);
        // keys typed after the conflict appeared go on into "your text"
        waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector(".conflict textarea[name=body]"), "value",
                "First thoughts: **attention** matters. First tab keeps typing."));
        assertEquals("First thoughts: **attention** matters. Second tab adds this.",
                db("SELECT body FROM note WHERE user_id = ? AND paper_id = 5"), "the stored note is untouched");

        browser.findElement(By.cssSelector(".conflict button[name=keep][value=mine]")).click();
        waitForDb("SELECT body FROM note WHERE user_id = ? AND paper_id = 5",
                "First thoughts: **attention** matters. First tab keeps typing.");
        browser.switchTo().window(secondTab).close();
        browser.switchTo().window(firstTab);
    }

    @Test
    void aHostileNoteIsInert() {
        BrowserSteps.open(browser, app, "/papers/6");
        browser.findElement(By.id("note-body")).sendKeys(
                "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(2))");
        browser.findElement(By.cssSelector("form[data-note-form] button[type=submit]")).click();
        waitForDb("SELECT revision FROM note WHERE user_id = ? AND paper_id = 6", 1);
        BrowserSteps.open(browser, app, "/papers/6");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        WebElement rendered = browser.findElement(By.cssSelector(".note__preview"));
        assertTrue(rendered.getText().contains("<script>alert('x')</script>"), "shown as text");
        assertTrue(rendered.findElements(By.tagName("img")).isEmpty());
        List<String> hrefs = new ArrayList<>();
        for (WebElement a : rendered.findElements(By.tagName("a"))) {
            hrefs.add(String.valueOf(a.getAttribute("href")));
        }
        assertFalse(hrefs.stream().anyMatch(h -> h.toLowerCase().startsWith("javascript")), hrefs.toString());
    }
}
