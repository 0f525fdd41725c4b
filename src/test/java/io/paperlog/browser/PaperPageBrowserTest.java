package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The paper page as a reader uses it: the head with links, status and rating on the first screen; annotating,
 * commenting and deleting without leaving the page; the note's preview and its conflict view; the shortcuts'
 * toasts and their off switch.
 */
class PaperPageBrowserTest extends ChromiumTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    static FluentWait<WebDriver> wait;
    static Client reader;

    @BeforeAll
    static void createAccount() throws IOException {
        wait = BrowserSteps.wait(browser);
        reader = app.member("reader", "Rita Reader");
        Files.createDirectories(SHOTS);
        BrowserSteps.logIn(browser, app, "reader");
    }

    /** Marks the page: a marker that a reload or a navigation would wipe out. */
    static void markPage() {
        browser.executeScript("window.paperPageMarker = 'still here';");
    }

    static boolean samePage() {
        return "still here".equals(browser.executeScript("return window.paperPageMarker;"));
    }

    /** The element's box in the window: [top, bottom, left, right]. */
    @SuppressWarnings("unchecked")
    static List<Number> box(String css) {
        return (List<Number>) browser.executeScript("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return [r.top, r.bottom, r.left, r.right];", css);
    }

    static void assertOnFirstScreen(long paper, String css) {
        List<Number> b = box(css);
        Number height = (Number) browser.executeScript("return window.innerHeight;");
        assertTrue(b.get(0).doubleValue() >= 0 && b.get(1).doubleValue() <= height.doubleValue(),
                "paper " + paper + ": " + css + " at " + b + " is not within the first " + height + " px");
    }

    @Test
    void titleAuthorsLinksStatusAndRatingAreOnTheFirstScreenOfALaptop() throws IOException {
        // the longest title, the longest author list, the first paper, one with a formula in its abstract
        for (long paper : new long[] {88, 62, 1, 36}) {
            BrowserSteps.open(browser, app, "/papers/" + paper);
            assertEquals(0L, ((Number) browser.executeScript("return window.scrollY;")).longValue());
            assertOnFirstScreen(paper, "#paper-title");
            assertOnFirstScreen(paper, ".paper__authors");
            assertOnFirstScreen(paper, ".paper__links");
            assertOnFirstScreen(paper, ".tracking__status");
            assertOnFirstScreen(paper, ".rating-form .stars");
        }
        BrowserSteps.open(browser, app, "/papers/62");
        assertTrue((Boolean) browser.executeScript("const a = document.querySelector('.paper__authors--long');"
                + " return a.scrollHeight > a.clientHeight + 100;"), "hundreds of names scroll in their own box");
    }

    @Test
    void highlightingCommentingAndDeletingHappenInPlace() {
        BrowserSteps.open(browser, app, "/papers/36");
        markPage();
        browser.executeScript("window.scrollTo(0, 200);");
        long scrolled = ((Number) browser.executeScript("return window.scrollY;")).longValue();

        AnnotationBrowserTest.select("locality-sensitive hashing");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=highlight][data-colour=green]"))).click();
        wait.until(d -> browser.findElements(By.cssSelector("#annotations .annotation")).size() == 1);
        assertTrue(samePage(), "highlighting did not load another page");
        assertEquals(scrolled, ((Number) browser.executeScript("return window.scrollY;")).longValue(), "no jump");
        WebElement mark = browser.findElement(By.cssSelector(".abstract mark.hl--green"));
        assertTrue(mark.getText().contains("locality-sensitive hashing"));
        assertEquals("a", browser.findElement(By.cssSelector("#annotations .annotation__number")).getText());
        // the card is level with its mark in the margin (both measured at once)
        Number apart = (Number) browser.executeScript("return document.querySelector('#annotations .annotation')"
                + ".getBoundingClientRect().top - document.querySelector('.abstract mark.hl').getBoundingClientRect().top;");
        assertTrue(Math.abs(apart.doubleValue()) <= 2, "card and mark are " + apart + " px apart");

        AnnotationBrowserTest.select("reversible residual layers");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hl-toolbar button[data-hl-action=comment]"))).click();
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("annotation-body")));
        body.sendKeys("Saves *memory*");
        browser.findElement(By.cssSelector("#annotation-form button[type=submit]")).click();
        wait.until(d -> browser.findElements(By.cssSelector("#annotations .annotation")).size() == 2);
        assertTrue(samePage(), "commenting did not load another page");
        assertTrue(browser.findElement(By.cssSelector("#annotations")).getText().contains("Saves memory"));
        wait.until(d -> browser.findElement(By.id("js-toast")).getText().equals("Comment saved"));

        WebElement first = browser.findElement(By.cssSelector("#annotations .annotation"));
        first.findElement(By.cssSelector("details.confirm summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(first.findElement(By.cssSelector(".confirm__form button"))))
                .click();
        wait.until(d -> browser.findElements(By.cssSelector("#annotations .annotation")).size() == 1);
        assertTrue(samePage(), "deleting did not load another page");
        assertEquals(1, browser.findElements(By.cssSelector(".abstract mark.hl")).size());
    }

    @Test
    void theNotesPreviewDrawsMarkdownAndMathAfterTheFirstAutosave() throws IOException {
        BrowserSteps.open(browser, app, "/papers/12");
        markPage();
        WebElement preview = browser.findElement(By.cssSelector("#note [data-note-preview]"));
        assertTrue(!preview.isDisplayed(), "no note yet, no preview");
        browser.findElement(By.id("note-body")).sendKeys("A **bold** claim: $O(n^2)$ time.");
        wait.until(d -> !browser.findElements(By.cssSelector("#note [data-note-preview] strong")).isEmpty()
                && !browser.findElements(By.cssSelector("#note [data-note-preview] .katex")).isEmpty());
        assertTrue(samePage());
        assertTrue(browser.findElement(By.cssSelector("#note [data-note-preview]")).isDisplayed());
        view("#note", "paper-page-note-preview.png");
    }

    /** What the window shows around an element, saved for people to look at. */
    static void view(String css, String file) throws IOException {
        browser.executeScript("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", css);
        Files.write(SHOTS.resolve(file), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    @Test
    void aConflictShowsTheDifferenceAndKeepingBothStaysOnThePage() throws IOException {
        BrowserSteps.open(browser, app, "/papers/13");
        markPage();
        WebElement editor = browser.findElement(By.id("note-body"));
        editor.sendKeys("Section two matters.");
        wait.until(d -> browser.findElement(By.cssSelector("#note input[name=base_revision]")).getAttribute("value")
                .equals("1"));
        // the same person saves from another tab meanwhile
        assertEquals(303, reader.post("/papers/13/note", Map.of("body", "Section three matters.",
                "base_revision", "1")).statusCode());
        editor.sendKeys(" Really.");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#note .diff del")));
        assertTrue(samePage(), "the conflict view came in place");
        assertEquals("three", browser.findElement(By.cssSelector("#note .diff del")).getText());
        view("#note", "paper-page-note-conflict.png");
        browser.findElement(By.cssSelector("#note button[name=keep][value=both]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#note form[data-note-form]")));
        assertTrue(samePage(), "keeping both did not reload the page");
        assertEquals("Section three matters.\n\nSection two matters. Really.",
                browser.findElement(By.id("note-body")).getAttribute("value"));
    }

    @Test
    void aShortcutSaysWhatItDidBesideTheControlAndCanBeTurnedOff() {
        BrowserSteps.open(browser, app, "/papers/14");
        markPage();
        BrowserSteps.type(browser, "w");
        wait.until(d -> browser.findElement(By.id("js-toast")).getText().startsWith("Saved: want to read"));
        List<Number> toast = box("#js-toast");
        List<Number> panel = box("#tracking-panel");
        assertTrue(toast.get(0).doubleValue() >= panel.get(0).doubleValue()
                && toast.get(0).doubleValue() <= panel.get(1).doubleValue() + 60, "the toast is by the panel: " + toast + " " + panel);
        assertTrue(samePage());

        // the shortcut list gives the focus back where it was
        browser.executeScript("document.querySelector('.paper__link').focus();");
        BrowserSteps.type(browser, "?");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shortcuts")));
        BrowserSteps.type(browser, Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("shortcuts")));
        assertEquals("paper__link", browser.switchTo().activeElement().getAttribute("class"));

        assertEquals(303, reader.post("/account/preferences", Map.of("time_zone", "")).statusCode());
        BrowserSteps.open(browser, app, "/papers/15");
        BrowserSteps.type(browser, "r");
        assertTrue(browser.findElements(By.id("js-toast")).isEmpty(), "with shortcuts off, r does nothing");
        assertEquals("false", browser.findElement(By.cssSelector("button[data-status=reading]"))
                .getAttribute("aria-pressed"));
        assertEquals(303, reader.post("/account/preferences", Map.of("time_zone", "", "shortcuts", "on")).statusCode());
    }

    @Test
    void onAPhoneThePageNeverScrollsSidewaysAndTheAnnotationsFollowTheAbstract() throws IOException {
        String firstWord = firstWord(37);
        assertEquals(303, reader.post("/papers/37/annotations", Map.of("start", "0", "end",
                String.valueOf(firstWord.length()), "exact", firstWord, "colour", "yellow",
                "body", "A comment on the *opening*")).statusCode());
        try {
            ScreenshotBrowserTest.emulate(ScreenshotBrowserTest.SCREENS.get(1), "light");
            BrowserSteps.open(browser, app, "/papers/37");
            assertTrue(((Number) browser.executeScript("return document.documentElement.scrollWidth;")).intValue() <= 390);
            assertTrue(box("#annotations").get(0).doubleValue() > box(".abstract").get(1).doubleValue(),
                    "the annotations come after the abstract");
        } finally {
            ScreenshotBrowserTest.emulate(null, "light");
        }
        screenshots("paper-page", "/papers/37");
    }

    static String firstWord(long paper) {
        BrowserSteps.open(browser, app, "/papers/" + paper);
        return ((String) browser.executeScript("return document.querySelector('.abstract').dataset.source;"))
                .split(" ")[0];
    }

    /** The page at a laptop's and a phone's width, light and dark, under target/screenshots for people to look at. */
    static void screenshots(String name, String path) throws IOException {
        try {
            for (ScreenshotBrowserTest.Screen screen : ScreenshotBrowserTest.SCREENS) {
                for (String scheme : List.of("light", "dark")) {
                    ScreenshotBrowserTest.emulate(screen, scheme);
                    BrowserSteps.open(browser, app, path);
                    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
                    Files.write(SHOTS.resolve(name + "-" + screen.name() + "-" + scheme + ".png"),
                            Base64.getDecoder().decode((String) shot.get("data")));
                }
            }
        } finally {
            ScreenshotBrowserTest.emulate(null, "light");
        }
    }
}
