package io.paperlog.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.paperlog.papers.AbstractMarkup.Formula;
import io.paperlog.papers.AbstractMarkup.Link;
import io.paperlog.papers.AbstractMarkup.Styled;
import io.paperlog.papers.AbstractMarkup.Text;
import io.paperlog.papers.AbstractMarkup.Token;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class AbstractMarkupTest {

    private static final String LINK_ATTRS = "\" rel=\"nofollow noopener noreferrer\">";

    private static String link(String url) {
        return "<a href=\"" + url + LINK_ATTRS + url + "</a>";
    }

    /** Every href="..." value in the rendered HTML, still escaped. */
    private static List<String> hrefs(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Nested
    class InlineMath {

        @Test
        void dollarDelimitedFormulaBecomesAMathSpanHoldingTheTex() {
            assertEquals("<span class=\"math\">O(L^2)</span>", AbstractMarkup.toHtml("$O(L^2)$"));
        }

        @Test
        void formulaTokenCoversTheDollarsButHoldsOnlyTheTex() {
            List<Token> tokens = AbstractMarkup.tokenize("from O($L^2$) down");
            assertEquals(List.of(
                    new Text(0, 7, "from O("),
                    new Formula(7, 12, "L^2"),
                    new Text(12, 18, ") down")), tokens);
        }

        @Test
        void texCommandInsideMathIsKeptForKatex() {
            assertEquals("4<span class=\"math\">\\times</span> fewer",
                    AbstractMarkup.toHtml("4$\\times$ fewer"));
        }

        @Test
        void formulaInATitleIsRendered() {
            String title = "What Makes Good In-Context Examples for GPT-$3$?";
            assertEquals("What Makes Good In-Context Examples for GPT-<span class=\"math\">3</span>?",
                    AbstractMarkup.toHtml(title));
            assertEquals("What Makes Good In-Context Examples for GPT-3?", AbstractMarkup.toPlainText(title));
        }

        @Test
        void formulaFollowedByApostropheStillCloses() {
            assertEquals("GPT-<span class=\"math\">3</span>&#39;s", AbstractMarkup.toHtml("GPT-$3$'s"));
        }

        @Test
        void currencyAmountsAreNotMath() {
            String source = "costs $5 and $10";
            assertEquals(List.of(new Text(0, source.length(), source)), AbstractMarkup.tokenize(source));
            assertEquals(source, AbstractMarkup.toHtml(source));
        }

        @Test
        void closingDollarFollowedByADigitIsNotMath() {
            assertEquals("between $5 and $10$5", AbstractMarkup.toHtml("between $5 and $10$5"));
            assertEquals("a $x$5", AbstractMarkup.toHtml("a $x$5"));
        }

        @Test
        void openingDollarFollowedBySpaceIsNotMath() {
            assertEquals("$ x$", AbstractMarkup.toHtml("$ x$"));
        }

        @Test
        void closingDollarAfterSpaceIsNotMath() {
            assertEquals("$x $", AbstractMarkup.toHtml("$x $"));
        }

        @Test
        void laterFormulaIsFoundAfterACurrencyAmount() {
            assertEquals("costs $5, where <span class=\"math\">x</span> is",
                    AbstractMarkup.toHtml("costs $5, where $x$ is"));
        }

        @Test
        void unclosedDollarIsLiteralText() {
            assertEquals("a $x and more", AbstractMarkup.toHtml("a $x and more"));
        }

        @Test
        void htmlInsideMathIsEscaped() {
            assertEquals("<span class=\"math\">a&lt;b&gt;c</span>", AbstractMarkup.toHtml("$a<b>c$"));
        }
    }

    @Nested
    class TexCommands {

        @Test
        void escapedPercentBecomesPercent() {
            assertEquals("0.1% of the parameters", AbstractMarkup.toHtml("0.1\\% of the parameters"));
        }

        @Test
        void escapedCharacterIsOneCharacterOverTwoSourceCharacters() {
            assertEquals(List.of(new Text(0, 3, "10 "), new Text(3, 5, "%")), AbstractMarkup.tokenize("10 \\%"));
        }

        @Test
        void escapedAmpersandIsHtmlEscaped() {
            assertEquals("Q&amp;A", AbstractMarkup.toHtml("Q\\&A"));
        }

        @Test
        void textitBecomesEmphasis() {
            assertEquals("we present <em>x</em> here", AbstractMarkup.toHtml("we present \\textit{x} here"));
        }

        @Test
        void emphBecomesEmphasis() {
            assertEquals("<em>z</em>", AbstractMarkup.toHtml("\\emph{z}"));
        }

        @Test
        void textbfBecomesStrong() {
            assertEquals("<strong>x</strong>", AbstractMarkup.toHtml("\\textbf{x}"));
        }

        @Test
        void escapesInsideStyledTextAreResolved() {
            assertEquals(List.of(new Styled(0, 13, "a%b", true)), AbstractMarkup.tokenize("\\textbf{a\\%b}"));
        }

        @Test
        void urlCommandBecomesALink() {
            assertEquals(link("https://a.b/c"), AbstractMarkup.toHtml("\\url{https://a.b/c}"));
        }

        @Test
        void urlCommandFollowedByPeriodLeavesThePeriodOutside() {
            String url = "https://huggingface.co/docs/transformers/model_doc/roformer";
            assertEquals("into Huggingface: " + link(url) + ".",
                    AbstractMarkup.toHtml("into Huggingface: \\url{" + url + "}."));
        }

        @Test
        void javascriptUrlCommandIsPlainTextWithoutHref() {
            String html = AbstractMarkup.toHtml("\\url{javascript:alert(1)}");
            assertEquals("javascript:alert(1)", html);
            assertFalse(html.contains("href"), html);
            assertEquals(List.of(new Text(0, 25, "javascript:alert(1)")),
                    AbstractMarkup.tokenize("\\url{javascript:alert(1)}"));
        }

        @Test
        void nonWebSchemesInUrlCommandNeverBecomeLinks() {
            for (String url : List.of("data:text/html,<script>alert(1)</script>", "JavaScript:alert(1)",
                    "vbscript:msgbox", "ftp://a.b/c", "//evil.example/x", "https://a b")) {
                String html = AbstractMarkup.toHtml("\\url{" + url + "}");
                assertFalse(html.contains("href"), html);
                assertFalse(html.contains("<script"), html);
            }
        }

        @Test
        void quoteInsideUrlCommandCannotBreakOutOfTheHref() {
            String html = AbstractMarkup.toHtml("\\url{https://a.b/\"onclick=x}");
            assertEquals(List.of("https://a.b/&quot;onclick=x"), hrefs(html));
        }

        @Test
        void unclosedCommandIsLiteralText() {
            assertEquals("\\textit{oops", AbstractMarkup.toHtml("\\textit{oops"));
        }

        @Test
        void emptyCommandIsLiteralText() {
            assertEquals("\\textbf{}", AbstractMarkup.toHtml("\\textbf{}"));
        }

        @Test
        void unknownCommandIsLiteralText() {
            assertEquals("\\cite{x}", AbstractMarkup.toHtml("\\cite{x}"));
        }
    }

    @Nested
    class BareUrls {

        @Test
        void bareUrlBecomesALinkWithoutTheSentencePeriod() {
            String html = AbstractMarkup.toHtml("see https://github.com/microsoft/LoRA.");
            assertEquals("see " + link("https://github.com/microsoft/LoRA") + ".", html);
            assertEquals(List.of("https://github.com/microsoft/LoRA"), hrefs(html));
        }

        @Test
        void bareUrlKeepsItsTrailingSlash() {
            assertEquals("at " + link("https://say-can.github.io/") + ".",
                    AbstractMarkup.toHtml("at https://say-can.github.io/."));
        }

        @Test
        void otherTrailingSentencePunctuationIsLeftOut() {
            for (String punctuation : List.of(",", ";", ":", "!", "?", "'", "\"", "...", ".)")) {
                String html = AbstractMarkup.toHtml("x https://a.b/c" + punctuation);
                assertEquals(List.of("https://a.b/c"), hrefs(html), punctuation);
            }
        }

        @Test
        void urlInsideParenthesesLeavesTheClosingParenthesisOutside() {
            assertEquals("(" + link("https://a.b/c") + ").", AbstractMarkup.toHtml("(https://a.b/c)."));
        }

        @Test
        void balancedParenthesesInsideAUrlAreKept() {
            assertEquals(link("http://x.y/a_(b)_c"), AbstractMarkup.toHtml("http://x.y/a_(b)_c"));
            assertEquals(link("https://en.wikipedia.org/wiki/Foo_(bar)") + " x",
                    AbstractMarkup.toHtml("https://en.wikipedia.org/wiki/Foo_(bar) x"));
        }

        @Test
        void balancedParenthesesInsideAUrlInsideParenthesesKeepOnlyTheInnerPair() {
            assertEquals("(see " + link("https://en.wikipedia.org/wiki/Foo_(bar)") + ").",
                    AbstractMarkup.toHtml("(see https://en.wikipedia.org/wiki/Foo_(bar))."));
        }

        @Test
        void unbalancedClosingBracketIsLeftOut() {
            assertEquals("[" + link("https://a.b/c") + "]", AbstractMarkup.toHtml("[https://a.b/c]"));
        }

        @Test
        void bareUrlEndsBeforeAngleBracketsAndQuotes() {
            String html = AbstractMarkup.toHtml("https://a.b/?q=<script>\"x");
            assertEquals(List.of("https://a.b/?q="), hrefs(html));
            assertFalse(html.contains("<script"), html);
        }

        @Test
        void ampersandInABareUrlIsEscapedInTheHref() {
            assertEquals(List.of("https://a.b/?x=1&amp;y=2"), hrefs(AbstractMarkup.toHtml("https://a.b/?x=1&y=2")));
        }

        @Test
        void schemeAloneIsNotALink() {
            assertEquals("http:// and https://.", AbstractMarkup.toHtml("http:// and https://."));
        }

        @Test
        void urlGluedToAWordIsNotALink() {
            assertEquals("xhttps://a.b", AbstractMarkup.toHtml("xhttps://a.b"));
        }

        @Test
        void otherSchemesAreNotLinked() {
            String html = AbstractMarkup.toHtml("javascript:alert(1) ftp://a.b mailto:a@b.c");
            assertFalse(html.contains("href"), html);
        }
    }

    @Nested
    class Escaping {

        @Test
        void htmlSpecialCharactersInTextAreEscaped() {
            assertEquals("&lt;script&gt;alert(&#39;x&#39;)&amp;&quot;&lt;/script&gt;",
                    AbstractMarkup.toHtml("<script>alert('x')&\"</script>"));
        }

        @Test
        void htmlSpecialCharactersInStyledTextAreEscaped() {
            assertEquals("<em>&lt;b&gt;&amp;&quot;&#39;</em>", AbstractMarkup.toHtml("\\textit{<b>&\"'}"));
        }

        @Test
        void htmlSpecialCharactersInNonWebUrlCommandAreEscaped() {
            assertEquals("&lt;script&gt;", AbstractMarkup.toHtml("\\url{<script>}"));
        }

        @Test
        void noRawScriptTagSurvivesAnyTokenKind() {
            String hostile = "<script>x</script> $<script>$ \\textit{<script>} \\textbf{<script>} "
                    + "\\url{https://a.b/<script>} https://a.b/c<script> \\url{<script>}";
            String html = AbstractMarkup.toHtml(hostile);
            assertFalse(html.toLowerCase().contains("<script"), html);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SeedAbstracts {

        private List<String> abstracts;

        @BeforeAll
        void readSeed() throws IOException, URISyntaxException {
            List<String> lines = Files.readAllLines(
                    Path.of(AbstractMarkupTest.class.getResource("/seed/best-nlp-papers.txt").toURI()),
                    StandardCharsets.UTF_8);
            abstracts = new ArrayList<>();
            // each abstract is the line two after its "N citations" line
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\d{1,3}( \\d{3})* citations")) {
                    abstracts.add(lines.get(i + 2));
                }
            }
            assertEquals(100, abstracts.size());
        }

        @Test
        void tokensCoverEverySeedAbstractContiguously() {
            for (int k = 0; k < abstracts.size(); k++) {
                assertContiguous("abstract #" + (k + 1), abstracts.get(k));
            }
        }

        @Test
        void tokensCoverHandWrittenEdgeCasesContiguously() {
            for (String source : List.of("", "x", "$", "\\", "$$", "$x$", "\\%", "https://a.b.",
                    "a \\url{https://x", "(https://a.b/c).", "trailing \\", "$a\\$ b $c$ \\textit{d}\\textbf{e}")) {
                assertContiguous("'" + source + "'", source);
            }
        }

        @Test
        void everySeedAbstractRendersWithoutStrayTexEscapes() {
            for (String source : abstracts) {
                String plain = AbstractMarkup.toPlainText(source);
                assertFalse(plain.contains("\\%"), plain);
                assertFalse(plain.contains("\\textit{"), plain);
                assertFalse(plain.contains("\\url{"), plain);
            }
        }

        /** The catalogue's excerpt length. */
        static final int EXCERPT_CHARS = 220;

        @Test
        void everySeedExcerptFitsTheCatalogueLimit() {
            for (String source : abstracts) {
                String excerpt = AbstractMarkup.excerpt(source, EXCERPT_CHARS);
                assertTrue(excerpt.length() <= EXCERPT_CHARS + 1, excerpt);
                assertTrue(excerpt.endsWith("…"), excerpt);
            }
        }

        private void assertContiguous(String what, String source) {
            List<Token> tokens = AbstractMarkup.tokenize(source);
            int expectedStart = 0;
            for (Token token : tokens) {
                if (token.start() != expectedStart) {
                    fail(what + ": token " + token + " starts at " + token.start() + ", expected " + expectedStart);
                }
                if (token.end() <= token.start()) {
                    fail(what + ": empty or inverted token " + token);
                }
                expectedStart = token.end();
            }
            assertEquals(source.length(), expectedStart, what + ": tokens stop short of the end");
            for (Token token : tokens) {
                if (token instanceof Text text && text.end() - text.start() == text.text().length()) {
                    assertEquals(source.substring(text.start(), text.end()), text.text(), what);
                }
                if (token instanceof Formula formula) {
                    assertEquals("$" + formula.tex() + "$", source.substring(formula.start(), formula.end()), what);
                }
                if (token instanceof Link link && source.charAt(link.start()) != '\\') {
                    assertEquals(link.url(), source.substring(link.start(), link.end()), what);
                }
            }
        }
    }

    @Nested
    class PlainText {

        @Test
        void plainTextDropsMarkupButKeepsWhatAReaderSees() {
            assertEquals("x costs 10% of O(n), see https://a.b and bold.",
                    AbstractMarkup.toPlainText("\\textit{x} costs 10\\% of $O(n)$, see \\url{https://a.b} and \\textbf{bold}."));
        }

        @Test
        void plainTextIsNotHtmlEscaped() {
            assertEquals("<b> & \"q\"", AbstractMarkup.toPlainText("<b> & \"q\""));
        }

        @Test
        void plainTextOfEmptySourceIsEmpty() {
            assertEquals("", AbstractMarkup.toPlainText(""));
        }
    }

    @Nested
    class Excerpt {

        private static final String SENTENCE = "Scaling up language models greatly improves few-shot performance";

        @Test
        void shortTextIsReturnedUnchanged() {
            assertEquals("A short abstract.", AbstractMarkup.excerpt("A short abstract.", 220));
        }

        @Test
        void textExactlyAtTheLimitIsReturnedUnchanged() {
            assertEquals(SENTENCE, AbstractMarkup.excerpt(SENTENCE, SENTENCE.length()));
        }

        @Test
        void excerptIsPlainText() {
            assertEquals("0.1% of O(n)", AbstractMarkup.excerpt("0.1\\% of $O(n)$", 220));
        }

        @Test
        void longTextIsCutAtAWordBoundaryAndEndsWithAnEllipsis() {
            String excerpt = AbstractMarkup.excerpt(SENTENCE, 30);
            assertEquals("Scaling up language models…", excerpt);
        }

        @Test
        void cutFallingOnASpaceKeepsTheWholeWordBeforeIt() {
            // "Scaling up" is 10 characters and is followed by a space
            assertEquals("Scaling up…", AbstractMarkup.excerpt(SENTENCE, 10));
        }

        @Test
        void excerptIsAPrefixOfTheTextEndingOnAWholeWord() {
            for (int limit = 8; limit < SENTENCE.length(); limit++) {
                String excerpt = AbstractMarkup.excerpt(SENTENCE, limit);
                String head = excerpt.substring(0, excerpt.length() - 1);
                assertTrue(excerpt.endsWith("…"), excerpt);
                assertTrue(SENTENCE.startsWith(head), excerpt);
                assertEquals(' ', SENTENCE.charAt(head.length()), "cut mid-word at limit " + limit + ": " + excerpt);
            }
        }

        @Test
        void excerptIsNeverLongerThanTheLimitPlusOne() {
            String text = "a".repeat(50) + " " + "bb ".repeat(40) + "c".repeat(300);
            for (int limit = 1; limit < text.length(); limit++) {
                String excerpt = AbstractMarkup.excerpt(text, limit);
                assertTrue(excerpt.length() <= limit + 1, "limit " + limit + ": " + excerpt.length());
                assertTrue(excerpt.endsWith("…"), excerpt);
            }
        }

        @Test
        void trailingCommaBeforeTheCutIsDropped() {
            assertEquals("first, second…", AbstractMarkup.excerpt("first, second, third fourth", 15));
        }
    }
}
