package io.paperlog.browser;

import io.paperlog.testing.TestApp;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in the browser, shared by the browser tests. Every page load goes through {@link #open},
 * {@link #reload} or {@link #loadNextPage}, which return once app.js has marked the page {@code data-enhanced}:
 * KaTeX has drawn the formulas and the in-place forms, the annotation toolbar and the shortcuts are installed.
 */
final class BrowserSteps {

    private BrowserSteps() {}

    /** Opens a page of the app and waits until app.js has enhanced it. */
    static void open(WebDriver browser, TestApp app, String path) {
        open(browser, app.uri(path).toString());
    }

    /** Opens a full address (an invite link, say) and waits until app.js has enhanced the page. */
    static void open(WebDriver browser, String url) {
        browser.get(url);
        awaitEnhanced(browser);
    }

    static void reload(WebDriver browser) {
        loadNextPage(browser, () -> browser.navigate().refresh());
    }

    /**
     * Does something that loads another page (follows a link, submits a form, lets a script submit one) and waits
     * until the old page is gone and the new one is enhanced.
     */
    static void loadNextPage(WebDriver browser, Runnable action) {
        String marker = "page-" + System.nanoTime();
        ((JavascriptExecutor) browser).executeScript("document.documentElement.dataset.testPage = arguments[0];", marker);
        action.run();
        // the old page carries the marker; the new one does not, and is enhanced. While the browser is between the
        // two, questions about the page may fail (a node that left the document, a script context destroyed).
        wait(browser).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("var page = document.documentElement; return document.readyState !== 'loading'"
                        + " && page.dataset.testPage !== arguments[0] && page.hasAttribute('data-enhanced');", marker)));
    }

    /** Waits for app.js's signal that every enhancement on the current page is installed. */
    static void awaitEnhanced(WebDriver browser) {
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html[data-enhanced]")));
    }

    /**
     * Keys typed into whatever has the focus, as a person types them: a control app.js has just swapped for a fresh
     * one (and focused) gets the rest of the keys, where a WebElement would have gone stale.
     */
    static void type(WebDriver browser, CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    static void createFirstAccount(WebDriver browser, TestApp app, String username, String displayName) {
        open(browser, app, "/");
        wait(browser).until(ExpectedConditions.urlContains("/setup"));
        loadNextPage(browser, () -> fillAccountForm(browser, username, displayName));
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-menu")));
    }

    /** Fills in and submits the setup or invite form; the caller waits for the page it leads to. */
    static void fillAccountForm(WebDriver browser, String username, String displayName) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("display_name")).sendKeys(displayName);
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    static void logIn(WebDriver browser, TestApp app, String username) {
        open(browser, app, "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        loadNextPage(browser, () -> browser.findElement(By.cssSelector("main form button[type=submit]")).click());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-menu")));
    }

    /**
     * A wait that asks again when the browser could not answer for a moment: an element app.js has just swapped
     * ("stale", or a node that "does not belong to the document"), a page between two loads.
     */
    static FluentWait<WebDriver> wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class);
    }
}
