package io.paperlog.search;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.AbstractMarkup.Formula;
import io.paperlog.papers.AbstractMarkup.Text;
import io.paperlog.papers.AbstractMarkup.Token;
import io.paperlog.web.Html;
import java.util.List;

/**
 * A short passage of a text around its first word that matched, as HTML with those words in {@code <mark>} and
 * TeX rendered as the abstract is (a formula is shown whole or not at all, never cut or marked inside), and as
 * plain text. Words match as the index matches them: folded, and as a prefix or with an English ending added.
 */
public record Snippet(String html, String text) {

    /** About {@code maxChars} of {@code source} around its first matching word (its start when none matches). */
    static Snippet of(String source, List<String> words, int maxChars) {
        List<Token> tokens = AbstractMarkup.tokenize(source);
        int first = firstMatch(tokens, words);
        int from = first < 0 ? 0 : Math.max(0, first - maxChars / 3);
        int to = Math.min(source.length(), from + maxChars);
        if (to - from < maxChars) {
            from = Math.max(0, to - maxChars);
        }
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        boolean cutBefore = false;
        boolean cutAfter = false;
        for (Token token : tokens) {
            if (token.end() <= from || token.start() >= to) {
                cutBefore |= token.end() <= from;
                cutAfter |= token.start() >= to;
                continue;
            }
            if (token instanceof Text t) {
                String body = t.text();
                // offsets are the source's; a text token may be shorter than its source (\% is one character)
                int s = Math.min(body.length(), Math.max(from, t.start()) - t.start());
                int e = Math.min(body.length(), Math.min(to, t.end()) - t.start());
                if (s > 0) {
                    s = wordStart(body, s);
                    cutBefore = true;
                }
                if (e < body.length()) {
                    e = wordEnd(body, e);
                    cutAfter = true;
                }
                mark(html, text, body.substring(s, Math.max(s, e)), words);
            } else {
                AbstractMarkup.appendHtml(html, token);
                text.append(token instanceof Formula f ? "$" + f.tex() + "$" : token.plain());
            }
        }
        String h = html.toString().strip();
        String p = text.toString().strip();
        if (cutBefore) {
            h = "…" + h;
            p = "…" + p;
        }
        if (cutAfter) {
            h = TRAILING_STOPS.matcher(h).replaceAll("") + "…";
            p = TRAILING_STOPS.matcher(p).replaceAll("") + "…";
        }
        return new Snippet(h, p);
    }

    private static final java.util.regex.Pattern MARKDOWN_MARKS = java.util.regex.Pattern.compile("\\*\\*|__|`+");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern TRAILING_STOPS = java.util.regex.Pattern.compile("[.…]+$");
    private static final java.util.regex.Pattern MARKDOWN_LINE_STARTS =
            java.util.regex.Pattern.compile("(?m)^\\s{0,3}(?:#{1,6}|>|[-*+]|\\d{1,3}\\.)\\s+");

    /** Markdown (a note, a comment) as the words a reader sees: emphasis, code marks and line markers left out. */
    static String markdownWords(String markdown) {
        String plain = MARKDOWN_LINE_STARTS.matcher(markdown).replaceAll("");
        return SPACES.matcher(MARKDOWN_MARKS.matcher(plain).replaceAll("")).replaceAll(" ");
    }

    /** Whether any word of {@code source} matches. */
    static boolean matches(String source, List<String> words) {
        return firstMatch(source, words) >= 0;
    }

    private static int firstMatch(List<Token> tokens, List<String> words) {
        for (Token token : tokens) {
            if (token instanceof Text t) {
                int at = firstMatch(t.text(), words);
                if (at >= 0) {
                    return t.start() + at;
                }
            }
        }
        return -1;
    }

    private static int firstMatch(String text, List<String> words) {
        int[] found = {-1};
        eachWord(text, (start, end) -> {
            if (found[0] < 0 && matchesAny(Folding.word(text.substring(start, end)), words)) {
                found[0] = start;
            }
        });
        return found[0];
    }

    private static void mark(StringBuilder html, StringBuilder plain, String text, List<String> words) {
        int[] done = {0};
        eachWord(text, (start, end) -> {
            if (matchesAny(Folding.word(text.substring(start, end)), words)) {
                Html.escapeInto(html, text.substring(done[0], start));
                html.append("<mark>");
                Html.escapeInto(html, text.substring(start, end));
                html.append("</mark>");
                done[0] = end;
            }
        });
        Html.escapeInto(html, text.substring(done[0]));
        plain.append(text);
    }

    private interface WordVisitor {
        void visit(int start, int end);
    }

    private static void eachWord(String text, WordVisitor visitor) {
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            boolean in = i < text.length() && Folding.isWordChar(text.codePointAt(i));
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                visitor.visit(start, i);
                start = -1;
            }
            i += i < text.length() ? Character.charCount(text.codePointAt(i)) : 1;
        }
    }

    static boolean matchesAny(String word, List<String> words) {
        String wordStem = null;
        for (String w : words) {
            // Porter stems the word searched for before FTS5 matches it as a prefix: "hashing" finds "hashimoto"
            if (word.startsWith(w)) {
                return true;
            }
            String stem = stem(w);
            if (stem.length() >= 4 && word.startsWith(stem)) {
                return true;
            }
            wordStem = wordStem == null ? stem(word) : wordStem;
            if (wordStem.equals(stem)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] ENDINGS = {"ations", "ation", "ings", "ing", "ies", "es", "ed", "ly", "s"};

    /** A rough English stem, only to highlight what Porter stemming matched (learned, learns for learning). */
    private static String stem(String word) {
        for (String ending : ENDINGS) {
            if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static int wordStart(String text, int at) {
        int i = at;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String text, int at) {
        int i = at;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
