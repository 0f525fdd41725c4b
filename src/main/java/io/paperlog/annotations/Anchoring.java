package io.paperlog.annotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places a stored annotation on the current text of an abstract, in the order Hypothesis uses:
 * <ol>
 *   <li>the stored position, if the text there still equals the quote;</li>
 *   <li>an exact search for the quote: among the occurrences whose prefix and suffix still match (or among all,
 *       when none does), the one nearest the stored position; remaining ties go to the longer matching context;</li>
 *   <li>an approximate search for the quote within a bounded edit distance (a quarter of its length, at most
 *       {@value #MAX_ERRORS}): fewest edits, then most matching context, then nearest.</li>
 * </ol>
 * Nothing found means the annotation is an orphan; it is never dropped. Offsets are {@code char} indexes into the
 * text as stored, {@code start} inclusive and {@code end} exclusive.
 */
public final class Anchoring {

    /** Characters of context kept before and after a quote. */
    public static final int CONTEXT = 32;
    static final int MAX_ERRORS = 64;

    /** How an annotation was found. */
    public enum Method { POSITION, QUOTE, FUZZY }

    /** A W3C TextQuoteSelector and TextPositionSelector together. */
    public record Selector(String exact, String prefix, String suffix, int start, int end) {
        public Selector {
            if (exact == null || exact.isEmpty()) {
                throw new IllegalArgumentException("a selector needs a non-empty quote");
            }
            prefix = prefix == null ? "" : prefix;
            suffix = suffix == null ? "" : suffix;
        }
    }

    /** Where an annotation sits in the current text. */
    public record Anchor(int start, int end, Method method) {}

    private Anchoring() {}

    /** The selector for {@code [start, end)} of {@code text}, with up to {@value #CONTEXT} characters of context. */
    public static Selector describe(String text, int start, int end) {
        if (start < 0 || end > text.length() || end <= start) {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") is not inside the text");
        }
        return new Selector(text.substring(start, end), text.substring(Math.max(0, start - CONTEXT), start),
                text.substring(end, Math.min(text.length(), end + CONTEXT)), start, end);
    }

    /** Where {@code selector} belongs in {@code text} now, or empty for an orphan. */
    public static Optional<Anchor> anchor(String text, Selector selector) {
        String exact = selector.exact();
        int start = selector.start();
        int end = selector.end();
        if (start >= 0 && end <= text.length() && start < end && text.substring(start, end).equals(exact)) {
            return Optional.of(new Anchor(start, end, Method.POSITION));
        }
        Optional<Anchor> quoted = exactSearch(text, selector);
        if (quoted.isPresent()) {
            return quoted;
        }
        return fuzzySearch(text, selector);
    }

    /** Every start index of {@code exact} in {@code text}, overlapping occurrences included. */
    public static List<Integer> occurrences(String text, String exact) {
        List<Integer> found = new ArrayList<>();
        if (exact.isEmpty()) {
            return found;
        }
        for (int i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
            found.add(i);
        }
        return found;
    }

    private static Optional<Anchor> exactSearch(String text, Selector selector) {
        String exact = selector.exact();
        int best = -1;
        boolean bestFull = false;
        int bestDistance = Integer.MAX_VALUE;
        int bestContext = -1;
        for (int at : occurrences(text, exact)) {
            int context = contextScore(text, at, at + exact.length(), selector);
            boolean full = fullContext(text, at, at + exact.length(), selector);
            int distance = Math.abs(at - selector.start());
            boolean better;
            if (best < 0 || full != bestFull) {
                better = best < 0 || full;
            } else if (distance != bestDistance) {
                better = distance < bestDistance;
            } else {
                better = context > bestContext;
            }
            if (better) {
                best = at;
                bestFull = full;
                bestDistance = distance;
                bestContext = context;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Anchor(best, best + exact.length(), Method.QUOTE));
    }

    /** The edits allowed for an approximate match of a quote of {@code length} characters. */
    static int maxErrors(int length) {
        return Math.min(MAX_ERRORS, length / 4);
    }

    /**
     * Sellers' algorithm: the edit distance of the quote against every substring of the text ending at each
     * position, keeping for each cell where its alignment started.
     */
    private static Optional<Anchor> fuzzySearch(String text, Selector selector) {
        String quote = selector.exact();
        int m = quote.length();
        int k = maxErrors(m);
        if (k == 0 || text.isEmpty()) {
            return Optional.empty();
        }
        int[] cost = new int[m + 1];
        int[] origin = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            cost[i] = i;
            origin[i] = 0;
        }
        int bestStart = -1;
        int bestEnd = -1;
        int bestErrors = Integer.MAX_VALUE;
        int bestContext = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int j = 1; j <= text.length(); j++) {
            char c = text.charAt(j - 1);
            int diagonalCost = cost[0];
            int diagonalOrigin = origin[0];
            cost[0] = 0;
            origin[0] = j;
            for (int i = 1; i <= m; i++) {
                int upCost = cost[i];
                int upOrigin = origin[i];
                int substitute = diagonalCost + (quote.charAt(i - 1) == c ? 0 : 1);
                int fromOrigin = diagonalOrigin;
                int delete = cost[i - 1] + 1; // quote character missing from the text
                int insert = upCost + 1;      // text character missing from the quote
                int value = substitute;
                if (delete < value) {
                    value = delete;
                    fromOrigin = origin[i - 1];
                }
                if (insert < value) {
                    value = insert;
                    fromOrigin = upOrigin;
                }
                diagonalCost = upCost;
                diagonalOrigin = upOrigin;
                cost[i] = value;
                origin[i] = fromOrigin;
            }
            int errors = cost[m];
            if (errors > k || origin[m] >= j) {
                continue;
            }
            int start = origin[m];
            int context = contextScore(text, start, j, selector);
            int distance = Math.abs(start - selector.start());
            boolean better = errors < bestErrors
                    || (errors == bestErrors && (context > bestContext
                    || (context == bestContext && distance < bestDistance)));
            if (better) {
                bestStart = start;
                bestEnd = j;
                bestErrors = errors;
                bestContext = context;
                bestDistance = distance;
            }
        }
        return bestStart < 0 ? Optional.empty() : Optional.of(new Anchor(bestStart, bestEnd, Method.FUZZY));
    }

    private static boolean fullContext(String text, int start, int end, Selector selector) {
        return text.substring(0, start).endsWith(selector.prefix()) && text.startsWith(selector.suffix(), end);
    }

    /** Characters of the stored prefix that still precede {@code start}, plus of the suffix that follow {@code end}. */
    private static int contextScore(String text, int start, int end, Selector selector) {
        String prefix = selector.prefix();
        int before = 0;
        while (before < prefix.length() && start - 1 - before >= 0
                && text.charAt(start - 1 - before) == prefix.charAt(prefix.length() - 1 - before)) {
            before++;
        }
        String suffix = selector.suffix();
        int after = 0;
        while (after < suffix.length() && end + after < text.length()
                && text.charAt(end + after) == suffix.charAt(after)) {
            after++;
        }
        return before + after;
    }
}
