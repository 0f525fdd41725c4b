package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code $...$} in notes, comments and replies becomes a formula for KaTeX, by the rule abstracts follow. */
class SafeMarkdownMathTest {

    @Test
    void aFormulaIsOneSpanBeforeEmphasisCanCutIt() {
        assertEquals("<p>Sum <span class=\"math\">a_1 + b_1 * c_*</span> here</p>\n",
                SafeMarkdown.toHtml("Sum $a_1 + b_1 * c_*$ here"));
        assertEquals("<p><strong>bold</strong> <span class=\"math\">O(n^2)</span></p>\n",
                SafeMarkdown.toHtml("**bold** $O(n^2)$"));
    }

    @Test
    void moneyAndLoneDollarsStayText() {
        assertFalse(SafeMarkdown.toHtml("It cost $5 or $6.").contains("math"));
        assertFalse(SafeMarkdown.toHtml("A $ sign and $ another").contains("math"), "a space after the opening $");
        assertFalse(SafeMarkdown.toHtml("Open $x but never closed").contains("math"));
        assertFalse(SafeMarkdown.toHtml("Empty $$ pair").contains("math"));
        assertFalse(SafeMarkdown.toHtml("`code $x$ here`").contains("class=\"math\""), "code stays code");
    }

    @Test
    void aFormulaCannotCarryMarkup() {
        String html = SafeMarkdown.toHtml("$<script>alert(1)</script>$ and $\\$5$");
        assertTrue(html.contains("<span class=\"math\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"), html);
        assertTrue(html.contains("<span class=\"math\">\\$5</span>"), "an escaped dollar stays inside: " + html);
        assertFalse(html.contains("<script>"));
    }
}
