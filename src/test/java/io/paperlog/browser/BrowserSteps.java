package io.paperlog.browser;

import io.paperlog.testing.TestApp;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the browser, shared by the browser tests. */
final class BrowserSteps {

    private BrowserSteps() {}

    static void createFirstAccount(WebDriver browser, TestApp app, String username, String displayName) {
        browser.get(app.uri("/").toString());
        wait(browser).until(ExpectedConditions.urlContains("/setup"));
        fillAccountForm(browser, username, displayName);
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-menu")));
    }

    static void fillAccountForm(WebDriver browser, String username, String displayName) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("display_name")).sendKeys(displayName);
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    static void logIn(WebDriver browser, TestApp app, String username) {
        browser.get(app.uri("/login").toString());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-menu")));
    }

    static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }
}
