package io.paperlog.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Quotes read within their context: whatever they cut into shows whole, never as stray TeX. */
class QuoteMarkupTest {

    private static final String REFORMER = "we replace dot-product attention by one that uses locality-sensitive "
            + "hashing, changing its complexity from $O(L^2)$ to $O(L\\log L)$, where $L$ is the length of the sequence.";

    /** The quote of {@code [start, end)} of {@code text} with the 32 characters of context a selector keeps. */
    private static String html(String text, int start, int end) {
        return QuoteMarkup.toHtml(text.substring(Math.max(0, start - 32), start), text.substring(start, end),
                text.substring(end, Math.min(text.length(), end + 32)));
    }

    private static String plain(String text, int start, int end) {
        return QuoteMarkup.toPlainText(text.substring(Math.max(0, start - 32), start), text.substring(start, end),
                text.substring(end, Math.min(text.length(), end + 32)));
    }

    @Test
    void aWholeFormulaInAQuoteIsDrawnAsMath() {
        int start = REFORMER.indexOf("from $O");
        int end = REFORMER.indexOf(", where");
        assertEquals("from <span class=\"math\">O(L^2)</span> to <span class=\"math\">O(L\\log L)</span>",
                html(REFORMER, start, end));
        assertEquals("from O(L^2) to O(L\\log L)", plain(REFORMER, start, end));
    }

    @Test
    void aQuoteCutInsideFormulasShowsEachOfThemWhole() {
        int start = REFORMER.indexOf("^2)$");
        int end = REFORMER.indexOf("\\log");
        assertEquals("L^2)$ to $O(L", REFORMER.substring(start - 1, end));
        assertEquals("<span class=\"math\">O(L^2)</span> to <span class=\"math\">O(L\\log L)</span>",
                html(REFORMER, start - 1, end));
    }

    @Test
    void aQuoteStartingOnTheClosingDollarShowsTheFormulaItEnds() {
        String text = "What Makes Good In-Context Examples for GPT-$3$?";
        int dollar = text.lastIndexOf('$');
        assertEquals("<span class=\"math\">3</span>?", html(text, dollar, text.length()));
        assertEquals("GPT-<span class=\"math\">3</span>", html(text, text.indexOf("GPT"), text.indexOf('$') + 1));
    }

    @Test
    void plainTextAroundTheQuoteIsCutWhereTheQuoteIs() {
        int start = REFORMER.indexOf("sensitive");
        int end = REFORMER.indexOf(", changing") - 3;
        assertEquals("sensitive hash", html(REFORMER, start, end));
    }

    @Test
    void halfAnEscapeShowsTheCharacterItStandsFor() {
        String text = "by learning only 0.1\\% of the parameters";
        int slash = text.indexOf('\\');
        assertEquals("0.1%", plain(text, text.indexOf("0.1"), slash + 1));
        assertEquals("% of the", plain(text, slash + 1, text.indexOf(" parameters")));
    }

    @Test
    void aLinkInAQuoteIsItsAddressWithoutAnAnchor() {
        String text = "Code is at https://github.com/google/reformer. We also";
        int start = text.indexOf("github");
        assertEquals("https://github.com/google/reformer", html(text, start, start + 10));
    }

    @Test
    void markupInAQuoteIsEscaped() {
        String text = "a <script> and $a<b$ here";
        assertEquals("a &lt;script&gt; and <span class=\"math\">a&lt;b</span>", html(text, 0, text.indexOf(" here")));
    }
}
