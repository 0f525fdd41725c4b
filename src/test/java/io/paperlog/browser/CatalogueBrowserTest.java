package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class CatalogueBrowserTest extends ChromiumTest {


    @BeforeAll
    static void createAccount() {
        BrowserSteps.createFirstAccount(browser, app, "reader", "Rita Reader");
    }


    @Test
    void openTheCatalogueThenAPaperWhoseMathRendersAndWhoseUrlIsALink() {
        BrowserSteps.open(browser, app, "/");
        List<WebElement> rows = browser.findElements(By.cssSelector(".paper-row"));
        assertEquals(50, rows.size(), "a page of papers");
        assertEquals("Papers", browser.findElement(By.tagName("h1")).getText());

        BrowserSteps.loadNextPage(browser,
                browser.findElement(By.linkText("Reformer: The Efficient Transformer"))::click);
        assertTrue(browser.getCurrentUrl().endsWith("/papers/36"), browser.getCurrentUrl());

        List<WebElement> formulas = browser.findElements(By.cssSelector(".abstract .math"));
        assertFalse(formulas.isEmpty());
        for (WebElement formula : formulas) {
            assertTrue(formula.getAttribute("data-rendered") != null, "app.js marked it rendered");
            assertFalse(formula.findElements(By.cssSelector(".katex-html")).isEmpty(), "KaTeX drew the formula");
            assertFalse(formula.getText().contains("$"), "no raw TeX delimiters left");
        }

        BrowserSteps.loadNextPage(browser, browser.findElement(By.cssSelector("a[rel='next']"))::click);
        assertTrue(browser.getCurrentUrl().endsWith("/papers/37"), browser.getCurrentUrl());

        BrowserSteps.open(browser, app, "/papers/60");
        WebElement link = browser.findElement(
                By.cssSelector(".abstract a[href='https://huggingface.co/docs/transformers/model_doc/roformer']"));
        assertTrue(link.isDisplayed());
        assertEquals("https://huggingface.co/docs/transformers/model_doc/roformer", link.getText());
    }

    @Test
    void errorPageIsShownInTheLayout() {
        BrowserSteps.open(browser, app, "/papers/4242");
        assertEquals("Page not found", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.linkText("Back to the papers")).isDisplayed());
    }
}
