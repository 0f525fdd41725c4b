package io.paperlog.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, driven headless. Selenium Manager would try to download a browser, which
 * cannot work here, so both paths are given. Without them a local run skips; under CI=true it fails.
 */
public final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Selenium looks for DevTools bindings that match the browser; plain WebDriver needs none, so it is not news. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** The window every browser test starts with; a test that changes it puts it back. */
    public static final Dimension WINDOW = new Dimension(1280, 900);

    private Chromium() {}

    public static ChromeDriver start(Path profile) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs " + BROWSER + " and " + DRIVER
                    + " (Debian packages chromium and chromium-driver)");
        }
        assumeTrue(present, "Chromium is not installed: apt-get install chromium chromium-driver");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
                // the same pixels on every machine: no HiDPI scaling, no hinting, no scrollbars eating width,
                // no monitor colour profile, and an English UI whatever the machine's locale
                "--force-device-scale-factor=1", "--font-render-hinting=none", "--hide-scrollbars",
                "--force-color-profile=srgb", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }
}
