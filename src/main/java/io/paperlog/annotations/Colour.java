package io.paperlog.annotations;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The highlight colours, as stored (the schema checks the same four) and as the form offers them; {@code hex} is
 * the light-theme colour the JSON-LD export's stylesheet gives each (the page's own come from app.css).
 */
public enum Colour {
    YELLOW("#fde68a"), GREEN("#bbf7d0"), BLUE("#bfdbfe"), PINK("#fbcfe8");

    static final List<String> NAMES = Arrays.stream(values()).map(Colour::slug).toList();

    private final String hex;

    Colour(String hex) {
        this.hex = hex;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    String hex() {
        return hex;
    }

    static Colour of(String slug) {
        return valueOf(slug.toUpperCase(Locale.ROOT));
    }
}
