package io.paperlog.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search as typed, read by Paperlog's own grammar, never by FTS5's: whatever the text, it becomes words and
 * filters, and the words become an FTS5 expression in which every word is a quoted string. So no character a
 * person types ({@code "}, {@code *}, {@code ^}, {@code :}, {@code NEAR(}, parentheses) can reach FTS5 as syntax.
 *
 * <ul>
 * <li>{@code attention heads}: documents with both words; the last word also as a prefix (as you type)
 * <li>{@code "exact phrase"}, {@code -word}, {@code not word}, {@code -"a phrase"}, {@code a or b}
 * <li>{@code #tag}, {@code status:read}, {@code rated:>=4}, {@code year:2020..2022}, {@code author:vaswani},
 *     {@code in:notes|annotations|lists|papers}
 * </ul>
 * A filter whose value makes no sense is left out and said so in {@link #ignored()}.
 *
 * @param groups the words, all of which must match: each group is one word, or several joined by {@code or}
 * @param excluded words no result may contain
 * @param prefixLast whether the last word of the last group is matched as a prefix
 */
public record SearchQuery(String text, List<List<Term>> groups, List<Term> excluded, boolean prefixLast,
                          List<String> tags, Set<Status> statuses, Rated rated, Years years, List<Term> authors,
                          Set<Scope> scopes, List<String> ignored) {

    /** Longer input is cut here: nobody types more, and it keeps every search cheap. */
    static final int MAX_CHARS = 1000;
    static final int MAX_TERMS = 24;

    /** A word or a phrase, as typed (folded only when it becomes FTS5 text). */
    public record Term(String text, boolean phrase) {
        /** The words of this term, in the same folding as the index. */
        public List<String> words() {
            return Folding.words(text);
        }
    }

    public enum Status { READ, READING, WANT, ABANDONED, NONE }

    /** Where to look: {@code in:papers} (titles, authors, abstracts), notes, annotations (with replies), lists. */
    public enum Scope { PAPERS, NOTES, ANNOTATIONS, LISTS }

    /** My rating compared with a number of stars, kept in halves (4 stars = 8). */
    public record Rated(String op, int halves) {}

    /** Years from and to, inclusive; either may be open (null). */
    public record Years(Integer from, Integer to) {}

    private static final Pattern RATED = Pattern.compile("(>=|<=|>|<|=)?(\\d(?:\\.5|\\.0)?)");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})?(\\.\\.)?(\\d{4})?");
    private static final Pattern YEAR_OP = Pattern.compile("(>=|<=|>|<)(\\d{4})");

    public static SearchQuery parse(String raw) {
        return new Parser(raw == null ? "" : raw).parse();
    }

    public boolean hasWords() {
        return !groups.isEmpty();
    }

    /** Nothing to search for and nothing to filter by. */
    public boolean isEmpty() {
        return groups.isEmpty() && excluded.isEmpty() && tags.isEmpty() && statuses.isEmpty() && rated == null
                && years == null && authors.isEmpty() && scopes.isEmpty();
    }

    /** The same search with its last word matched as typed only, not also as a prefix. */
    public SearchQuery wholeWords() {
        return new SearchQuery(text, groups, excluded, false, tags, statuses, rated, years, authors, scopes, ignored);
    }

    /** Every word or phrase that must (or, in a group with {@code or}, may) match, in the order typed. */
    public List<Term> terms() {
        return groups.stream().flatMap(List::stream).toList();
    }

    /** The term matched as a prefix too, or null when none is. */
    public Term prefixTerm() {
        if (!prefixLast || groups.isEmpty()) {
            return null;
        }
        List<Term> last = groups.get(groups.size() - 1);
        return last.get(last.size() - 1);
    }

    /** The FTS5 expression for the words, or null when there are none to look for. */
    public String matchExpression() {
        if (groups.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < groups.size(); g++) {
            List<Term> group = groups.get(g);
            if (g > 0) {
                out.append(" AND ");
            }
            out.append('(');
            for (int t = 0; t < group.size(); t++) {
                if (t > 0) {
                    out.append(" OR ");
                }
                boolean prefix = prefixLast && g == groups.size() - 1 && t == group.size() - 1;
                out.append(prefix ? wholeOrPrefix(group.get(t)) : quoted(group.get(t), false));
            }
            out.append(')');
        }
        for (Term term : excluded) {
            out.append(" NOT ").append(quoted(term, false));
        }
        return out.toString();
    }

    /** The FTS5 expression matching any excluded word, for a search that has only those; or null. */
    public String excludedExpression() {
        return excluded.isEmpty() ? null : String.join(" OR ", excluded.stream().map(t -> quoted(t, false)).toList());
    }

    /** The FTS5 expression for one {@code author:} filter, on the authors column only. */
    public static String authorExpression(Term author) {
        return "{authors} : " + quoted(author, !author.phrase());
    }

    /** Every word searched for, folded: what snippets highlight. */
    public List<String> highlightWords() {
        List<String> words = new ArrayList<>();
        groups.forEach(group -> group.forEach(term -> words.addAll(term.words())));
        return words;
    }

    /**
     * The last word as typed so far: a prefix, but ORed with the whole word too, because bm25 adds up what each
     * phrase matched: a document with "hashing" itself then ranks above one where only "Hashimoto" starts alike.
     */
    static String wholeOrPrefix(Term term) {
        return '(' + quoted(term, false) + " OR " + quoted(term, true) + ')';
    }

    /** One FTS5 string: the words only, folded as the index folds them, quotes doubled. */
    static String quoted(Term term, boolean prefix) {
        String folded = Folding.letters(term.text()).replace("\"", "\"\"");
        return '"' + folded + '"' + (prefix ? "*" : "");
    }

    /** Reads the text left to right; every branch consumes at least one character, so it always ends. */
    private static final class Parser {
        private final String s;
        private final boolean endsInSpace;
        private int i;
        private final List<List<Term>> groups = new ArrayList<>();
        private final List<Term> excluded = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final Set<Status> statuses = EnumSet.noneOf(Status.class);
        private Rated rated;
        private Years years;
        private final List<Term> authors = new ArrayList<>();
        private final Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        private final List<String> ignored = new ArrayList<>();
        private boolean orPending;
        private boolean lastWasPlainWord;
        private int terms;

        Parser(String raw) {
            String text = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
            // a cut in the middle of a surrogate pair would leave half a character
            if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                text = text.substring(0, text.length() - 1);
            }
            this.s = readable(text);
            this.endsInSpace = text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1));
        }

        /** Control characters and halves of characters are spaces: FTS5 reads text up to a NUL, say. */
        private static String readable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                boolean pair = Character.isHighSurrogate(c) && k + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(k + 1));
                if (pair) {
                    out.append(c).append(text.charAt(++k));
                } else {
                    out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? ' ' : c);
                }
            }
            return out.toString();
        }

        SearchQuery parse() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    positive(new Term(phrase(), true), false);
                } else if (c == '-' && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
                    i++;
                    negative(s.charAt(i) == '"' ? new Term(phrase(), true) : new Term(word(), false));
                } else {
                    token(word());
                }
            }
            boolean prefix = lastWasPlainWord && !endsInSpace;
            return new SearchQuery(s, List.copyOf(groups), List.copyOf(excluded), prefix, List.copyOf(tags),
                    Set.copyOf(statuses), rated, years, List.copyOf(authors), Set.copyOf(scopes), List.copyOf(ignored));
        }

        /** A quoted phrase from the quote at i; an unbalanced quote runs to the end. */
        private String phrase() {
            int start = ++i;
            int end = s.indexOf('"', start);
            if (end < 0) {
                end = s.length();
            }
            i = Math.min(s.length(), end + 1);
            return s.substring(start, end);
        }

        /** Up to the next space or quote. */
        private String word() {
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') {
                i++;
            }
            if (i == start) {
                i++; // never reached (a quote or a space is handled by the caller); keeps the loop finite regardless
            }
            return s.substring(start, Math.min(i, s.length()));
        }

        private void token(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("or")) {
                orPending = !groups.isEmpty();
                lastWasPlainWord = false;
                return;
            }
            if (lower.equals("and")) {
                lastWasPlainWord = false;
                return;
            }
            if (lower.equals("not")) {
                skipSpaces();
                if (i < s.length()) {
                    negative(s.charAt(i) == '"' ? new Term(phrase(), true) : new Term(word(), false));
                }
                return;
            }
            if (word.startsWith("#") && word.length() > 1) {
                tags.add(word.substring(1));
                lastWasPlainWord = false;
                return;
            }
            int colon = word.indexOf(':');
            if (colon > 0 && filter(lower.substring(0, colon), word.substring(colon + 1))) {
                lastWasPlainWord = false;
                return;
            }
            positive(new Term(word, false), true);
        }

        /** A filter, when {@code key} names one; false when it does not (the word is then searched as it is). */
        private boolean filter(String key, String value) {
            String v = value.toLowerCase(Locale.ROOT);
            switch (key) {
                case "status" -> {
                    try {
                        statuses.add(Status.valueOf(v.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        ignored.add("status:" + value + " (a status is read, reading, want, abandoned or none)");
                    }
                }
                case "rated" -> {
                    Matcher m = RATED.matcher(v);
                    int halves = m.matches() ? (int) Math.round(Double.parseDouble(m.group(2)) * 2) : -1;
                    if (halves >= 0 && halves <= 10) {
                        rated = new Rated(m.group(1) == null ? "=" : m.group(1), halves);
                    } else {
                        ignored.add("rated:" + value + " (for example rated:>=4 or rated:3.5)");
                    }
                }
                case "year" -> {
                    Years read = years(v);
                    if (read == null) {
                        ignored.add("year:" + value + " (for example year:2021 or year:2020..2022)");
                    } else {
                        years = read;
                    }
                }
                case "author" -> {
                    Term author = value.isEmpty() && i < s.length() && s.charAt(i) == '"'
                            ? new Term(phrase(), true) : new Term(value, false);
                    if (Folding.words(author.text()).isEmpty()) {
                        ignored.add("author: needs a name");
                    } else if (count()) {
                        authors.add(author);
                    }
                }
                case "in" -> {
                    for (String part : v.split("[,|]")) {
                        switch (part) {
                            case "papers", "paper" -> scopes.add(Scope.PAPERS);
                            case "notes", "note" -> scopes.add(Scope.NOTES);
                            case "annotations", "annotation", "comments", "highlights" -> scopes.add(Scope.ANNOTATIONS);
                            case "lists", "list" -> scopes.add(Scope.LISTS);
                            default -> ignored.add("in:" + part + " (in: is papers, notes, annotations or lists)");
                        }
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static Years years(String v) {
            Matcher op = YEAR_OP.matcher(v);
            if (op.matches()) {
                int y = Integer.parseInt(op.group(2));
                return switch (op.group(1)) {
                    case ">=" -> new Years(y, null);
                    case ">" -> new Years(y + 1, null);
                    case "<=" -> new Years(null, y);
                    default -> new Years(null, y - 1);
                };
            }
            Matcher m = YEARS.matcher(v);
            if (!m.matches() || (m.group(1) == null && m.group(3) == null)) {
                return null;
            }
            Integer from = m.group(1) == null ? null : Integer.valueOf(m.group(1));
            Integer to = m.group(2) == null ? from : (m.group(3) == null ? null : Integer.valueOf(m.group(3)));
            if (m.group(2) == null && m.group(3) != null) {
                return null; // "20212022"
            }
            if (from != null && to != null && from > to) {
                return new Years(to, from);
            }
            return new Years(from, to);
        }

        private void positive(Term term, boolean plainWord) {
            lastWasPlainWord = false;
            if (Folding.words(term.text()).isEmpty() || !count()) {
                return; // nothing FTS5 would index: only punctuation, symbols or emoji
            }
            if (orPending && !groups.isEmpty()) {
                List<Term> last = new ArrayList<>(groups.remove(groups.size() - 1));
                last.add(term);
                groups.add(List.copyOf(last));
            } else {
                groups.add(List.of(term));
            }
            orPending = false;
            // one letter begins a twentieth of all words, and FTS5 would read every one of them: it is matched as is
            String letters = String.join("", Folding.words(term.text()));
            lastWasPlainWord = plainWord && letters.codePointCount(0, letters.length()) > 1;
        }

        private void negative(Term term) {
            lastWasPlainWord = false;
            orPending = false;
            if (!Folding.words(term.text()).isEmpty() && count()) {
                excluded.add(term);
            }
        }

        private boolean count() {
            return ++terms <= MAX_TERMS;
        }

        private void skipSpaces() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
