package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Chromium;
import io.paperlog.testing.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

class AccountsBrowserTest {

    @TempDir
    Path folder;

    TestApp app;
    ChromeDriver adminBrowser;
    ChromeDriver newcomerBrowser;

    @AfterEach
    void stop() {
        if (adminBrowser != null) {
            adminBrowser.quit();
        }
        if (newcomerBrowser != null) {
            newcomerBrowser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void firstAccountLogOutLogInInviteAndAcceptInASecondBrowser() {
        app = TestApp.start(folder);
        adminBrowser = Chromium.start(folder.resolve("admin-profile"));

        BrowserSteps.createFirstAccount(adminBrowser, app, "ada", "Ada Lovelace");
        assertEquals("Ada Lovelace", adminBrowser.findElement(By.cssSelector(".account-menu__name")).getText());

        BrowserSteps.loadNextPage(adminBrowser,
                adminBrowser.findElement(By.cssSelector(".account-menu button"))::click);
        BrowserSteps.wait(adminBrowser).until(ExpectedConditions.urlContains("/login"));
        assertTrue(adminBrowser.findElement(By.cssSelector(".flash")).getText().contains("logged out"));

        BrowserSteps.logIn(adminBrowser, app, "ada");
        BrowserSteps.loadNextPage(adminBrowser, adminBrowser.findElement(By.linkText("Admin"))::click);
        BrowserSteps.wait(adminBrowser).until(ExpectedConditions.urlContains("/admin"));
        BrowserSteps.loadNextPage(adminBrowser,
                adminBrowser.findElement(By.xpath("//button[normalize-space()='Create invite link']"))::click);
        String invite = BrowserSteps.wait(adminBrowser)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("secret-link"))).getAttribute("value");
        assertTrue(invite.contains("/invite/"), invite);

        newcomerBrowser = Chromium.start(folder.resolve("newcomer-profile"));
        BrowserSteps.open(newcomerBrowser, invite);
        assertEquals("You're invited", newcomerBrowser.findElement(By.tagName("h1")).getText());
        BrowserSteps.loadNextPage(newcomerBrowser,
                () -> BrowserSteps.fillAccountForm(newcomerBrowser, "grace", "Grace Hopper"));
        BrowserSteps.wait(newcomerBrowser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-menu")));
        assertEquals("Grace Hopper", newcomerBrowser.findElement(By.cssSelector(".account-menu__name")).getText());
        assertTrue(newcomerBrowser.findElements(By.linkText("Admin")).isEmpty(), "a member sees no admin link");

        BrowserSteps.reload(adminBrowser);
        assertTrue(adminBrowser.findElement(By.tagName("main")).getText().contains("used by grace"));
    }
}
