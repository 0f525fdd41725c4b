package io.paperlog.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.annotations.HighlightedAbstract.Highlight;
import io.paperlog.papers.AbstractMarkup;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HighlightedAbstractTest {

    static String visibleText(String html) {
        return html.replaceAll("<sup class=\"hl-ref\">.*?</sup>", "").replaceAll("<[^>]+>", "");
    }

    static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void withoutMarksTheTextIsTheUsualRenderingCutIntoSourceMappedSpans() {
        String source = "Cost is $O(L^2)$ for 5\\% of \\textit{long} inputs, see https://example.org/x. <b>";
        String html = HighlightedAbstract.render(source, List.of());
        assertEquals(visibleText(AbstractMarkup.toHtml(source)), visibleText(html));
        assertFalse(html.contains("<mark"));
        assertTrue(html.contains("<span class=\"math src\" data-s=\"8\" data-e=\"16\">O(L^2)</span>"), html);
        assertTrue(html.contains("<span class=\"src\" data-s=\"22\" data-e=\"24\">%</span>"), "escape is atomic: " + html);
        assertTrue(html.contains("<em><span class=\"src\" data-s=\"28\" data-e=\"41\" data-m=\"36\">long</span></em>"), html);
        assertTrue(html.contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener noreferrer\">"), html);
        assertTrue(html.contains("&lt;b&gt;"), "text is escaped");
    }

    @Test
    void aMarkWrapsItsPassageAndEndsWithALinkToItsComment() {
        String source = "The quick brown fox.";
        String html = HighlightedAbstract.render(source, List.of(new Highlight(7, "1", 4, 9, "yellow")));
        assertEquals("<span class=\"src\" data-s=\"0\" data-e=\"4\" data-m=\"0\">The </span>"
                + "<mark class=\"hl hl--yellow\" data-annotation=\"7\" id=\"mark-7\">"
                + "<span class=\"src\" data-s=\"4\" data-e=\"9\" data-m=\"4\">quick</span></mark>"
                + "<sup class=\"hl-ref\"><a href=\"#annotation-7\" id=\"mark-ref-7\" aria-label=\"Annotation 1\">1</a></sup>"
                + "<span class=\"src\" data-s=\"9\" data-e=\"20\" data-m=\"9\"> brown fox.</span>", html);
    }

    @Test
    void overlappingMarksSplitIntoNestedPieces() {
        String source = "aaaaabbbbbccccc";
        String html = HighlightedAbstract.render(source, List.of(
                new Highlight(1, "1", 0, 10, "yellow"), new Highlight(2, "2", 5, 15, "blue")));
        assertEquals(source, visibleText(html));
        assertTrue(html.startsWith("<mark class=\"hl hl--yellow\" data-annotation=\"1\" id=\"mark-1\">"
                + "<span class=\"src\" data-s=\"0\" data-e=\"5\" data-m=\"0\">aaaaa</span></mark>"
                + "<mark class=\"hl hl--yellow\" data-annotation=\"1\">"
                + "<mark class=\"hl hl--blue\" data-annotation=\"2\" id=\"mark-2\">"
                + "<span class=\"src\" data-s=\"5\" data-e=\"10\" data-m=\"5\">bbbbb</span></mark></mark>"
                + "<sup class=\"hl-ref\"><a href=\"#annotation-1\""), html);
        assertTrue(html.contains("<mark class=\"hl hl--blue\" data-annotation=\"2\">"
                + "<span class=\"src\" data-s=\"10\" data-e=\"15\" data-m=\"10\">ccccc</span></mark>"), html);
        assertEquals(1, count(html, "id=\"mark-1\""));
        assertEquals(1, count(html, "id=\"mark-2\""));
        assertEquals(count(html, "<mark"), count(html, "</mark>"));
    }

    @Test
    void nestedMarksShowTheInnerOneInsideTheOuter() {
        String source = "one two three four";
        String html = HighlightedAbstract.render(source, List.of(
                new Highlight(5, "2", 4, 7, "pink"), new Highlight(3, "1", 0, 18, "green")));
        assertTrue(html.contains("<mark class=\"hl hl--green\" data-annotation=\"3\">"
                + "<mark class=\"hl hl--pink\" data-annotation=\"5\" id=\"mark-5\">"
                + "<span class=\"src\" data-s=\"4\" data-e=\"7\" data-m=\"4\">two</span></mark></mark>"), html);
        assertEquals(source, visibleText(html));
        assertEquals(1, count(html, "href=\"#annotation-3\""));
        assertEquals(1, count(html, "href=\"#annotation-5\""));
    }

    @Test
    void aMarkTouchingAFormulaCoversTheWholeFormulaWhichStillRenders() {
        String source = "in $O(L^2)$ time";
        String html = HighlightedAbstract.render(source, List.of(new Highlight(1, "1", 0, 6, "yellow")));
        assertTrue(html.contains("<mark class=\"hl hl--yellow\" data-annotation=\"1\">"
                + "<span class=\"math src\" data-s=\"3\" data-e=\"11\">O(L^2)</span></mark>"), html);
        assertEquals(1, count(html, "class=\"math src\""));
    }

    @Test
    void aMarkEndingInsideALinkKeepsTheLinkWholeAndPutsItsReferenceAfterIt() {
        String source = "see https://example.org/page now";
        int inside = source.indexOf("example");
        String html = HighlightedAbstract.render(source, List.of(new Highlight(9, "1", 0, inside, "blue")));
        assertEquals(1, count(html, "<a href=\"https://example.org/page\""));
        Matcher m = Pattern.compile("<a href=\"https://example.org/page\"[^>]*>(.*?)</a>(.*)").matcher(html);
        assertTrue(m.find(), html);
        assertTrue(m.group(1).contains("<mark class=\"hl hl--blue\" data-annotation=\"9\">"
                + "<span class=\"src\" data-s=\"4\" data-e=\"12\" data-m=\"4\">https://</span></mark>"), m.group(1));
        assertFalse(m.group(1).contains("hl-ref"), "no link inside a link");
        assertTrue(m.group(2).startsWith("<sup class=\"hl-ref\"><a href=\"#annotation-9\""), m.group(2));
    }

    @Test
    void marksInsideEmphasisAndUrlCommandsMapToTheirBodies() {
        String source = "a \\textit{quite long} b \\url{https://x.org/y}";
        int quite = source.indexOf("long");
        String html = HighlightedAbstract.render(source, List.of(new Highlight(1, "1", quite, quite + 4, "green")));
        assertTrue(html.contains("<em><span class=\"src\" data-s=\"2\" data-e=\"" + quite + "\" data-m=\"10\">quite </span>"
                + "<mark class=\"hl hl--green\" data-annotation=\"1\" id=\"mark-1\"><span class=\"src\" data-s=\""
                + quite + "\" data-e=\"21\" data-m=\"" + quite + "\">long</span></mark>"), html);
        assertTrue(html.contains("<a href=\"https://x.org/y\" rel=\"nofollow noopener noreferrer\">"
                + "<span class=\"src\" data-s=\"24\" data-e=\"45\" data-m=\"29\">https://x.org/y</span></a>"), html);
    }

    @Test
    void aMarkOverAnEscapeCoversItWhole() {
        String source = "gain of 5\\% overall";
        int percent = source.indexOf('%');
        String html = HighlightedAbstract.render(source, List.of(new Highlight(1, "1", percent, percent + 1, "pink")));
        assertTrue(html.contains("<mark class=\"hl hl--pink\" data-annotation=\"1\" id=\"mark-1\">"
                + "<span class=\"src\" data-s=\"9\" data-e=\"11\">%</span></mark>"), html);
    }

    @Test
    void visibleTextNeverChangesWhateverTheMarks() {
        String source = "We use $\\times$ 10 and \\textbf{bold \\% text} at http://a.b/c (and more).";
        for (int s = 0; s < source.length(); s += 3) {
            for (int e = s + 1; e <= source.length(); e += 7) {
                String html = HighlightedAbstract.render(source, List.of(
                        new Highlight(1, "1", s, e, "yellow"), new Highlight(2, "2", Math.max(0, s - 4), e / 2 + 1, "blue")));
                assertEquals(visibleText(AbstractMarkup.toHtml(source)), visibleText(html), s + "," + e);
                assertEquals(count(html, "<mark"), count(html, "</mark>"));
                assertEquals(1, count(html, "href=\"#annotation-1\""));
            }
        }
    }
}
