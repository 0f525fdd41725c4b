package io.paperlog.papers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * arXiv identifiers and DOIs as people paste them (a bare id, {@code arXiv:2005.14165v2}, an abstract or PDF
 * address, {@code doi:10.1000/xyz}, a doi.org link), normalised to the one form stored: {@code 2005.14165} without
 * its version (or {@code hep-th/9901001} for the old scheme), and a DOI as {@code 10.prefix/suffix}.
 */
public final class Identifiers {

    private static final Pattern ARXIV_NEW = Pattern.compile("(\\d{4}\\.\\d{4,5})(v\\d{1,3})?");
    private static final Pattern ARXIV_OLD = Pattern.compile("([a-z][a-z-]{1,20}(?:\\.[A-Z]{2})?/\\d{7})(v\\d{1,3})?");
    private static final Pattern ARXIV_ADDRESS = Pattern.compile(
            "(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?/?(?:[?#].*)?");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s]{1,250}");
    private static final Pattern DOI_ADDRESS = Pattern.compile("(?:https?://)?(?:dx\\.)?doi\\.org/(.+)");
    private static final Pattern DOI_PREFIX = Pattern.compile("doi:\\s*(.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_PREFIX = Pattern.compile("arxiv:\\s*(.+)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_INPUT = 400;

    private Identifiers() {}

    /** The arXiv id {@code raw} names, without its version; empty when it names none. */
    public static Optional<String> arxiv(String raw) {
        String value = clean(raw);
        if (value == null) {
            return Optional.empty();
        }
        Matcher address = ARXIV_ADDRESS.matcher(value);
        if (address.matches()) {
            value = address.group(1);
        } else {
            Matcher prefix = ARXIV_PREFIX.matcher(value);
            if (prefix.matches()) {
                value = prefix.group(1).strip();
            }
        }
        for (Pattern scheme : new Pattern[] {ARXIV_NEW, ARXIV_OLD}) {
            Matcher m = scheme.matcher(value);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The DOI {@code raw} names, as {@code 10.prefix/suffix}; empty when it names none. */
    public static Optional<String> doi(String raw) {
        String value = clean(raw);
        if (value == null) {
            return Optional.empty();
        }
        Matcher address = DOI_ADDRESS.matcher(value);
        if (address.matches()) {
            value = decode(address.group(1));
        } else {
            Matcher prefix = DOI_PREFIX.matcher(value);
            if (prefix.matches()) {
                value = prefix.group(1).strip();
            }
        }
        while (!value.isEmpty() && ".,;".indexOf(value.charAt(value.length() - 1)) >= 0) {
            value = value.substring(0, value.length() - 1);
        }
        return DOI.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    /** Whether {@code raw} looks like it was meant as a DOI rather than an arXiv id (for the error to name). */
    static boolean looksLikeDoi(String raw) {
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("10.") || lower.startsWith("doi") || lower.contains("doi.org");
    }

    private static String clean(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return null;
        }
        return raw.strip();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
