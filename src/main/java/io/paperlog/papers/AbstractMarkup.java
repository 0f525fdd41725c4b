package io.paperlog.papers;

import io.paperlog.web.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the light TeX that abstracts carry ({@code $...$} math, {@code \%}, {@code \textit{..}}, the url command)
 * and bare URLs, and turns it into safe HTML or plain text. The stored text is never changed; every token keeps
 * the range of the source it came from, so marks placed on the source can be drawn on the rendering.
 */
public final class AbstractMarkup {

    /** A piece of an abstract: {@code [start, end)} is its range in the stored text. */
    public sealed interface Token permits Text, Formula, Styled, Link {
        int start();

        int end();

        /** What a reader sees of this token as plain text. */
        String plain();
    }

    /** Literal text; an escape such as {@code \%} is a one-character Text over two source characters. */
    public record Text(int start, int end, String text) implements Token {
        public String plain() {
            return text;
        }
    }

    /** Inline math, rendered by KaTeX in the browser; without JavaScript the TeX source shows. */
    public record Formula(int start, int end, String tex) implements Token {
        public String plain() {
            return tex;
        }
    }

    /** {@code \textit}, {@code \emph} (italic) or {@code \textbf} (bold). */
    public record Styled(int start, int end, String text, boolean bold) implements Token {
        public String plain() {
            return text;
        }
    }

    /** A web link, from the TeX url command or a bare http(s) URL. */
    public record Link(int start, int end, String url) implements Token {
        public String plain() {
            return url;
        }
    }

    private static final String ESCAPABLE = "%$&_#{}";
    private static final int MAX_MATH_LENGTH = 400;
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"";

    private AbstractMarkup() {}

    public static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int n = source.length();
        int textStart = 0;
        int i = 0;
        while (i < n) {
            Token token = tokenAt(source, i);
            if (token == null) {
                i++;
                continue;
            }
            if (textStart < i) {
                tokens.add(new Text(textStart, i, source.substring(textStart, i)));
            }
            tokens.add(token);
            i = token.end();
            textStart = i;
        }
        if (textStart < n) {
            tokens.add(new Text(textStart, n, source.substring(textStart)));
        }
        return tokens;
    }

    public static String toHtml(String source) {
        StringBuilder html = new StringBuilder(source.length() + 64);
        for (Token token : tokenize(source)) {
            appendHtml(html, token);
        }
        return html.toString();
    }

    public static void appendHtml(StringBuilder html, Token token) {
        if (token instanceof Text t) {
            Html.escapeInto(html, t.text());
        } else if (token instanceof Formula m) {
            html.append("<span class=\"math\">");
            Html.escapeInto(html, m.tex());
            html.append("</span>");
        } else if (token instanceof Styled styled) {
            String tag = styled.bold() ? "strong" : "em";
            html.append('<').append(tag).append('>');
            Html.escapeInto(html, styled.text());
            html.append("</").append(tag).append('>');
        } else if (token instanceof Link link) {
            html.append("<a href=\"");
            Html.escapeInto(html, link.url());
            html.append("\" rel=\"nofollow noopener noreferrer\">");
            Html.escapeInto(html, link.url());
            html.append("</a>");
        }
    }

    public static String toPlainText(String source) {
        StringBuilder plain = new StringBuilder(source.length());
        for (Token token : tokenize(source)) {
            plain.append(token.plain());
        }
        return plain.toString();
    }

    /** The start of the plain text, cut at a word boundary to at most {@code maxChars} plus an ellipsis. */
    public static String excerpt(String source, int maxChars) {
        String plain = toPlainText(source).strip();
        if (plain.length() <= maxChars) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', maxChars);
        if (cut < maxChars / 2) {
            cut = maxChars;
        }
        String head = plain.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && ",;:-(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + "…";
    }

    private static Token tokenAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '\\') {
            return commandAt(s, i);
        }
        if (c == '$') {
            return mathAt(s, i);
        }
        if ((c == 'h' || c == 'H') && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
            return bareUrlAt(s, i);
        }
        return null;
    }

    private static Token commandAt(String s, int i) {
        if (i + 1 < s.length() && ESCAPABLE.indexOf(s.charAt(i + 1)) >= 0) {
            return new Text(i, i + 2, String.valueOf(s.charAt(i + 1)));
        }
        for (String command : new String[] {"textit", "emph", "textbf", "url"}) {
            String opening = "\\" + command + "{";
            if (!s.startsWith(opening, i)) {
                continue;
            }
            int bodyStart = i + opening.length();
            int close = s.indexOf('}', bodyStart);
            if (close < 0 || close == bodyStart) {
                return null;
            }
            String body = s.substring(bodyStart, close);
            int end = close + 1;
            return switch (command) {
                case "url" -> isWebUrl(body) && body.chars().noneMatch(Character::isWhitespace)
                        ? new Link(i, end, body)
                        : new Text(i, end, body);
                case "textbf" -> new Styled(i, end, unescape(body), true);
                default -> new Styled(i, end, unescape(body), false);
            };
        }
        return null;
    }

    /** Pandoc's rule: the opening $ is followed by a non-space, the closing one follows a non-space and no digit follows it. */
    private static Token mathAt(String s, int i) {
        int n = s.length();
        if (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1)) || s.charAt(i + 1) == '$') {
            return null;
        }
        int limit = Math.min(n, i + 1 + MAX_MATH_LENGTH);
        for (int j = i + 1; j < limit; j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '$') {
                boolean closes = !Character.isWhitespace(s.charAt(j - 1))
                        && (j + 1 >= n || !Character.isDigit(s.charAt(j + 1)));
                return closes ? new Formula(i, j + 1, s.substring(i + 1, j)) : null;
            }
        }
        return null;
    }

    private static Token bareUrlAt(String s, int i) {
        String lower = s.substring(i, Math.min(s.length(), i + 8)).toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "<>\"{}".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        end = trimTrailing(s, i, end);
        int schemeEnd = s.indexOf("://", i) + 3;
        return end > schemeEnd ? new Link(i, end, s.substring(i, end)) : null;
    }

    /** Drops sentence punctuation and unbalanced closing brackets from a URL's end. */
    private static int trimTrailing(String s, int start, int end) {
        while (end > start) {
            char last = s.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && count(s, start, end, '(') < count(s, start, end, ')')) {
                end--;
            } else if (last == ']' && count(s, start, end, '[') < count(s, start, end, ']')) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static int count(String s, int start, int end, char wanted) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWebUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && lower.length() > "https://".length();
    }

    private static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && ESCAPABLE.indexOf(body.charAt(i + 1)) >= 0) {
                c = body.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
