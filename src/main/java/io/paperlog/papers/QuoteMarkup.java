package io.paperlog.papers;

import io.paperlog.papers.AbstractMarkup.Formula;
import io.paperlog.papers.AbstractMarkup.Link;
import io.paperlog.papers.AbstractMarkup.Styled;
import io.paperlog.papers.AbstractMarkup.Text;
import io.paperlog.papers.AbstractMarkup.Token;
import io.paperlog.web.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * A quote of an abstract drawn as the abstract draws it. A quote is a range of the stored source, so it can start
 * or end inside a formula ({@code L^2)$ to $O(L}) or a command; read alone it would show stray dollars and half a
 * formula. Read inside its context (the selector's prefix and suffix) instead, every formula, escape, styled
 * phrase or link the quote cuts into is shown whole, and the plain text around them is cut where the quote is.
 */
public final class QuoteMarkup {

    private QuoteMarkup() {}

    /** The pieces of the context that the quote covers, each cut one whole except plain text. */
    public static List<Token> tokens(String prefix, String exact, String suffix) {
        String source = prefix + exact + suffix;
        int from = prefix.length();
        int to = from + exact.length();
        List<Token> shown = new ArrayList<>();
        for (Token token : AbstractMarkup.tokenize(source)) {
            if (token.end() <= from || token.start() >= to) {
                continue;
            }
            boolean literal = token instanceof Text t && t.text().length() == t.end() - t.start();
            if (literal && (token.start() < from || token.end() > to)) {
                int start = Math.max(from, token.start());
                int end = Math.min(to, token.end());
                shown.add(new Text(start, end, source.substring(start, end)));
            } else {
                shown.add(token);
            }
        }
        return shown;
    }

    /**
     * Safe HTML for the quote: formulas as {@code <span class="math">} for KaTeX, styled phrases styled. A link
     * shows as its address without being one, since quotes usually sit inside a link to their annotation.
     */
    public static String toHtml(String prefix, String exact, String suffix) {
        StringBuilder html = new StringBuilder(exact.length() + 32);
        for (Token token : tokens(prefix, exact, suffix)) {
            if (token instanceof Link link) {
                Html.escapeInto(html, link.url());
            } else {
                AbstractMarkup.appendHtml(html, token);
            }
        }
        return html.toString();
    }

    /** The quote as plain words: escapes and commands undone, each formula as its TeX between no dollars. */
    public static String toPlainText(String prefix, String exact, String suffix) {
        StringBuilder plain = new StringBuilder(exact.length());
        for (Token token : tokens(prefix, exact, suffix)) {
            plain.append(token.plain());
        }
        return plain.toString();
    }
}
