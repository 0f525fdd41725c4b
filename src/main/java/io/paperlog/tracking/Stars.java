package io.paperlog.tracking;

import io.paperlog.web.UserError;
import java.util.Optional;

/** Ratings are stored as halves of a star: 1 is half a star, 10 is five stars. */
public final class Stars {

    /** Where a refused rating is said on the page. */
    static final String FIELD = "rating";
    public static final String RULE = "A rating is 0.5 to 5 stars in half steps, like 3.5, or empty to clear it.";

    private Stars() {}

    /**
     * The halves named by a form value: empty means "clear" (an empty Optional); anything that is not 0.5 to 5 in
     * half steps is refused.
     */
    public static Optional<Integer> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.trim();
        if (s.length() > 4 || !s.matches("[0-9](\\.[05]0?)?")) {
            throw UserError.invalid(FIELD, RULE);
        }
        int whole = s.charAt(0) - '0';
        boolean half = s.length() > 2 && s.charAt(2) == '5';
        int halves = whole * 2 + (half ? 1 : 0);
        if (halves < 1 || halves > 10) {
            throw UserError.invalid(FIELD, RULE);
        }
        return Optional.of(halves);
    }

    /** 7 → "3.5", 8 → "4". */
    public static String format(int halves) {
        return halves % 2 == 0 ? String.valueOf(halves / 2) : (halves / 2) + ".5";
    }

    /** "1 star", "3.5 stars". */
    public static String label(int halves) {
        return format(halves) + (halves == 2 ? " star" : " stars");
    }

    /** ★★★½ for 7 halves, for compact display next to the numbers. */
    public static String glyphs(int halves) {
        return "★".repeat(halves / 2) + (halves % 2 == 1 ? "½" : "");
    }
}
