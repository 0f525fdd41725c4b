package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Chromium;
import io.paperlog.testing.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/** Ordering a list's papers with the keyboard and by dragging, and the coverage matrix on a phone, in Chromium. */
class ListsBrowserTest extends ChromiumTest {

    static Client owner;

    @BeforeAll
    static void createOwnerAndTeam() {
        owner = app.member("olga", "Olga Owner");
        BrowserSteps.logIn(browser, app, "olga");
        for (int i = 1; i <= 12; i++) {
            Client reader = app.member(String.format("reader%02d", i), String.format("Reader Number %02d", i));
            reader.post("/papers/" + (i % 4 + 1) + "/status", Map.of("status", i % 2 == 0 ? "read" : "reading"));
        }
    }

    @Test
    void arrowKeysOnTheHandleMoveAPaperAndQuickPressesDoNotConflict() {
        long list = listOf(36, 1, 2, 3);
        List<Long> items = itemsOf(list);
        BrowserSteps.open(browser, app, "/lists/" + list);

        handleOf(items.get(0)).sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);

        List<Long> expected = List.of(items.get(1), items.get(2), items.get(0), items.get(3));
        BrowserSteps.wait(browser).until(d -> itemsOf(list).equals(expected));
        BrowserSteps.wait(browser).until(d -> "Order saved".equals(liveText()));
        BrowserSteps.wait(browser).until(d -> pageOrder().equals(expected));
        assertEquals(String.valueOf(items.get(0)), browser.executeScript(
                "return document.activeElement.closest('.list-item').getAttribute('data-item');"),
                "the moved paper's handle keeps the focus");
        assertEquals("1", browser.findElement(By.cssSelector(".list-item .list-item__position")).getText(),
                "the numbers are the server's, redrawn");
    }

    @Test
    void draggingAPaperByItsHandleSavesTheNewOrder() {
        long list = listOf(10, 11, 12);
        List<Long> items = itemsOf(list);
        BrowserSteps.open(browser, app, "/lists/" + list);

        // WebDriver cannot drive the browser's own drag and drop, so the events a drag makes are sent to the page
        dragBelow(0, 2);

        List<Long> expected = List.of(items.get(1), items.get(2), items.get(0));
        BrowserSteps.wait(browser).until(d -> itemsOf(list).equals(expected));
        BrowserSteps.wait(browser).until(d -> pageOrder().equals(expected));
    }

    @Test
    void onAPhoneTheMatrixScrollsInsideItsBoxWithTheTitlesInView() {
        long list = listOf(1, 2, 3, 4);
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            BrowserSteps.open(browser, app, "/lists/" + list + "/coverage");
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;"), "the page itself fits");
            assertEquals(Boolean.TRUE, browser.executeScript("var box = document.querySelector('.coverage__scroll');"
                    + "return box.scrollWidth > box.clientWidth;"), "thirteen people do not fit on a phone");
            Object titleMoved = browser.executeScript("var box = document.querySelector('.coverage__scroll');"
                    + "var title = box.querySelector('tbody th');"
                    + "var before = title.getBoundingClientRect().left;"
                    + "box.scrollLeft = box.scrollWidth;"
                    + "return Math.abs(title.getBoundingClientRect().left - before);");
            assertTrue(((Number) titleMoved).doubleValue() < 1, "the paper titles stay in view");

            BrowserSteps.open(browser, app, "/lists/" + list);
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;"), "the list page fits");
        } finally {
            browser.manage().window().setSize(Chromium.WINDOW);
        }
    }

    private static long listOf(int... papers) {
        String location = owner.post("/lists", Map.of("name", "Reading group", "visibility", "team"))
                .headers().firstValue("Location").orElseThrow();
        long list = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        for (int paper : papers) {
            assertEquals(303, owner.post("/lists/" + list + "/items", Map.of("paper", String.valueOf(paper))).statusCode());
        }
        return list;
    }

    private static List<Long> itemsOf(long list) {
        return app.app().database().read()
                .fetch("SELECT id FROM list_item WHERE list_id = ? ORDER BY position", list)
                .getValues(0, Long.class);
    }

    private static List<Long> pageOrder() {
        List<Long> order = new ArrayList<>();
        for (Object id : (List<?>) browser.executeScript("return Array.prototype.map.call("
                + "document.querySelectorAll('#list-items .list-item'), function (li) { return li.dataset.item; });")) {
            order.add(Long.parseLong(String.valueOf(id)));
        }
        return order;
    }

    private static org.openqa.selenium.WebElement handleOf(long item) {
        return browser.findElement(By.cssSelector(".list-item[data-item='" + item + "'] [data-reorder-handle]"));
    }

    private static String liveText() {
        return String.valueOf(browser.executeScript(
                "var live = document.getElementById('js-live'); return live ? live.textContent : '';"));
    }

    /** The events of dragging paper {@code from} by its handle into the lower half of paper {@code onto}. */
    private static void dragBelow(int from, int onto) {
        browser.executeScript("var items = document.querySelectorAll('#list-items .list-item');"
                + "var from = items[arguments[0]], onto = items[arguments[1]];"
                + "var data = new DataTransfer();"
                + "from.querySelector('[data-reorder-handle]').dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));"
                + "from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));"
                + "var box = onto.getBoundingClientRect();"
                + "onto.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data,"
                + "  clientX: box.left + 10, clientY: box.bottom - 2}));"
                + "onto.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "from.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));", from, onto);
    }
}
