package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The import as a person does it in the browser: choose a BibTeX file, read the preview, confirm. Each step is
 * saved at a laptop's and a phone's width, light and dark, under target/screenshots, and must fit the screen.
 */
class ImportBrowserTest extends ChromiumTest {

    static final String BIBTEX = """
            @article{brown_language_2020,
              title = {Language {Models} are {Few}-{Shot} {Learners}},
              url = {http://arxiv.org/abs/2005.14165},
              author = {Brown, Tom B. and Mann, Benjamin and others},
              year = {2020},
            }
            @misc{hu_lora_2021,
              title = {{LoRA}: {Low}-{Rank} {Adaptation} of {Large} {Language} {Models}},
              author = {Hu, Edward J.},
              year = {2021},
            }
            @article{mueller_uber_2024,
              title = {{\\"U}ber-attention for very, very long documents: a paper nobody has read yet},
              author = {M{\\"u}ller, J{\\"o}rg and Smith, Ann},
              year = {2024},
            }
            @misc{untitled_2020,
              author = {Nobody},
            }
            """;

    @Test
    void choosePreviewAndConfirmAFile() throws IOException {
        Client admin = app.admin();
        assertEquals(303, admin.post("/papers/6/status", Map.of("status", "reading")).statusCode());
        Path file = Files.writeString(folder.resolve("My Library.bib"), BIBTEX, StandardCharsets.UTF_8);
        BrowserSteps.logIn(browser, app, "admin");
        BrowserSteps.open(browser, app, "/account/import");
        look("import");
        ScreenshotBrowserTest.emulate(null, "light");

        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        BrowserSteps.loadNextPage(browser, () -> browser.findElement(By.cssSelector("main form button[type=submit]"))
                .click());
        assertEquals("Check the import", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".io-problems")).getText().contains("entry untitled_2020"));
        look("import-preview");

        BrowserSteps.loadNextPage(browser, () -> browser.findElement(By.cssSelector(".io-confirm button")).click());
        assertEquals("Imported", browser.findElement(By.tagName("h1")).getText());
        look("import-done");
        assertEquals("want", app.app().database().read().fetchValue(
                "SELECT status FROM reading_status WHERE paper_id = 1").toString());
        assertEquals("reading", app.app().database().read().fetchValue(
                "SELECT status FROM reading_status WHERE paper_id = 6").toString(), "a paper I read stays so");
        ScreenshotBrowserTest.emulate(null, "light");
    }

    /** The page as it is, at both widths in both schemes; it must not scroll sideways. */
    private static void look(String name) throws IOException {
        Files.createDirectories(ScreenshotBrowserTest.FOLDER);
        for (ScreenshotBrowserTest.Screen screen : ScreenshotBrowserTest.SCREENS) {
            for (String scheme : List.of("light", "dark")) {
                ScreenshotBrowserTest.emulate(screen, scheme);
                Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
                assertTrue(width.intValue() <= screen.width(), name + " at " + screen.width() + " px: " + width);
                ScreenshotBrowserTest.save(name + "-" + screen.name() + "-" + scheme + ".png");
            }
        }
    }
}
