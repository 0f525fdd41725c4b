package io.paperlog.tags;

import io.paperlog.web.Text;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tag's name as typed, made canonical: trimmed, NFC, a leading {@code #} dropped, up to {@value #MAX} characters of
 * letters, digits and {@code - _ . + & '}, one word (a search for {@code #tag} must find it). Two names are the same
 * tag for a person when their {@link #key}s are equal: case does not count.
 */
public record TagName(String name, String key) {

    public static final int MAX = 40;
    public static final String RULE = "A tag is one word of up to " + MAX
            + " letters, digits and - _ . + & ' (like rlhf or machine-translation).";

    /** The name, or why it is not one (a sentence for the person). */
    public static Optional<TagName> parse(String raw) {
        return problem(raw) == null ? Optional.of(canonical(raw)) : Optional.empty();
    }

    /** Why {@code raw} is not a tag name, or null when it is one. */
    public static String problem(String raw) {
        String name = strip(raw);
        if (name.isEmpty()) {
            return "Please type a tag.";
        }
        if (name.indexOf(',') >= 0) {
            return "A tag has no commas: commas separate tags.";
        }
        if (name.codePoints().anyMatch(Character::isWhitespace)) {
            return "A tag is one word: try " + name.replaceAll("\\s+", "-") + ".";
        }
        if (Text.characters(name) > MAX) {
            return "A tag can be up to " + MAX + " characters; this one has " + Text.characters(name) + ".";
        }
        if (!name.codePoints().allMatch(TagName::allowed)) {
            return RULE;
        }
        return null;
    }

    /** The key a name is looked up by, for a name that {@link #parse}s. */
    public static String keyOf(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Several tags typed in one field, separated by commas (or spaces, which cannot be in a tag): each found name,
     * once per key, in order; every piece that is not a name is a problem (piece → sentence).
     */
    public static Parsed parseMany(String raw) {
        Map<String, TagName> names = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String piece : Text.lf(raw).split("[,\\s]+")) {
            if (piece.isEmpty()) {
                continue;
            }
            String problem = problem(piece);
            if (problem != null) {
                problems.add(problem);
            } else {
                TagName name = canonical(piece);
                names.putIfAbsent(name.key(), name);
            }
        }
        return new Parsed(List.copyOf(names.values()), List.copyOf(problems));
    }

    /** The names found in a field of several, and what was wrong with the rest. */
    public record Parsed(List<TagName> names, List<String> problems) {}

    private static TagName canonical(String raw) {
        String name = strip(raw);
        return new TagName(name, keyOf(name));
    }

    private static String strip(String raw) {
        String name = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC).strip();
        return name.startsWith("#") ? name.substring(1).strip() : name;
    }

    private static boolean allowed(int c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK || "-_.+&'".indexOf(c) >= 0;
    }
}
