package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Showcase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page at a laptop's and a phone's width, in light and dark colours, saved as a full-page screenshot under
 * {@code target/screenshots/} for people to look at after {@code mvn verify}; and on each, the page is no wider
 * than the screen (nothing scrolls sideways).
 */
class ScreenshotBrowserTest extends ChromiumTest {

    static final Path FOLDER = Path.of("target", "screenshots");

    /** A screen: its name in file names, its size, and whether it is a phone (touch, the viewport meta applies). */
    record Screen(String name, int width, int height, boolean mobile) {}

    static final List<Screen> SCREENS = List.of(new Screen("desktop", 1280, 900, false),
            new Screen("phone", 390, 844, true));

    static Showcase showcase;

    @BeforeAll
    static void fill() throws IOException {
        showcase = Showcase.fill(app);
        Files.createDirectories(FOLDER);
    }

    @Test
    void everyPageFitsTheScreenAtBothWidthsInLightAndDark() throws IOException {
        List<String> tooWide = new ArrayList<>();
        browser.manage().deleteAllCookies();
        for (Showcase.Page page : showcase.publicPages()) {
            tooWide.addAll(look(page));
        }
        BrowserSteps.logIn(browser, app, "admin");
        for (Showcase.Page page : showcase.pages()) {
            tooWide.addAll(look(page));
        }
        emulate(null, "light");
        assertTrue(tooWide.isEmpty(), "pages wider than the screen:\n" + String.join("\n", tooWide));
    }

    private static List<String> look(Showcase.Page page) throws IOException {
        List<String> tooWide = new ArrayList<>();
        for (Screen screen : SCREENS) {
            for (String scheme : List.of("light", "dark")) {
                emulate(screen, scheme);
                BrowserSteps.open(browser, app, page.path());
                Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
                if (scrollWidth.intValue() > screen.width()) {
                    tooWide.add(page.name() + " (" + page.path() + ") at " + screen.width() + " px, " + scheme + ": "
                            + scrollWidth + " px wide");
                }
                save(page.name() + "-" + screen.name() + "-" + scheme + ".png");
            }
        }
        return tooWide;
    }

    /** The screen's size (null: the browser's own window) and the colour scheme the person prefers. */
    static void emulate(Screen screen, String scheme) {
        if (screen == null) {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width(),
                    "height", screen.height(), "deviceScaleFactor", 1, "mobile", screen.mobile()));
        }
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The whole page, not only what the screen shows. */
    static void save(String file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", size.get("width"), "height", size.get("height"))));
        Files.write(FOLDER.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
