package io.paperlog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rendered formulas read like text: copied as their TeX once, and never split from their word across lines. */
class MathTextBrowserTest extends ChromiumTest {

    @BeforeAll
    static void createAccount() {
        BrowserSteps.createFirstAccount(browser, app, "reader", "Rita Reader");
    }

    /** Selects the whole of the first element matching {@code selector} and copies it, as Ctrl+C would. */
    private static String copy(String selector) {
        return (String) browser.executeScript("""
                var range = document.createRange();
                range.selectNodeContents(document.querySelector(arguments[0]));
                var selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                var data = new DataTransfer();
                document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
                return data.getData('text/plain');""", selector);
    }

    @Test
    void copyingATitleAcrossAFormulaGivesItsWordsOnce() {
        BrowserSteps.open(browser, app, "/papers/85");
        assertEquals("What Makes Good In-Context Examples for GPT-3?", copy("#paper-title"));
        String abstractText = copy(".abstract");
        assertTrue(abstractText.startsWith("GPT-3 has attracted lots of attention"), abstractText);
        assertTrue(!abstractText.contains("\u2060") && !abstractText.contains("\n"), abstractText);
    }

    @Test
    void copyingAnAbstractGivesEachFormulaAsItsTex() {
        BrowserSteps.open(browser, app, "/papers/36");
        String before = copy(".abstract");
        assertTrue(before.contains("from O(L^2) to O(L\\log L)"), before);
    }

    @Test
    void inlineMathStaysOnTheLineOfTheWordItIsPartOf() {
        BrowserSteps.open(browser, app, "/papers/36");
        try {
            for (int width = 320; width <= 720; width += 20) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                        "height", 800, "deviceScaleFactor", 1, "mobile", false));
                @SuppressWarnings("unchecked")
                List<String> split = (List<String>) browser.executeScript("""
                        var split = [];
                        document.querySelectorAll('.abstract .math[data-rendered]').forEach(function (math) {
                          var box = math.getBoundingClientRect();
                          var lines = Array.prototype.filter.call(math.getClientRects(), function (r) { return r.width > 0; });
                          var tops = lines.map(function (r) { return Math.round(r.top); });
                          if (tops.some(function (t) { return Math.abs(t - tops[0]) > 12; })) split.push(math.dataset.tex + ' wraps inside');
                          // the character just before the formula, when it is part of the same word
                          var walker = document.createTreeWalker(math.closest('.abstract'), NodeFilter.SHOW_TEXT);
                          var last = null, node;
                          while ((node = walker.nextNode()) && !math.contains(node)) { if (node.data.length) last = node; }
                          if (last && !/\\s/.test(last.data.charAt(last.data.length - 1))) {
                            var r = document.createRange();
                            r.setStart(last, last.data.length - 1);
                            r.setEnd(last, last.data.length);
                            var before = r.getBoundingClientRect();
                            if (Math.abs(before.bottom - box.bottom) > 12) split.push(math.dataset.tex + ' left its word');
                          }
                        });
                        return split;""");
                assertTrue(split.isEmpty(), "at " + width + " px: " + split);
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
