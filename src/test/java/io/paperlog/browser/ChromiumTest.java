package io.paperlog.browser;

import io.paperlog.testing.Chromium;
import io.paperlog.testing.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/** One Paperlog and one headless Chromium for all the tests of a class; subclasses add their accounts. */
abstract class ChromiumTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void startAppAndBrowser() {
        app = TestApp.start(folder);
        browser = Chromium.start(folder.resolve("chromium-profile"));
    }

    @AfterAll
    static void stopAppAndBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
