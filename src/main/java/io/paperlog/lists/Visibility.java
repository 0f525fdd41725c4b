package io.paperlog.lists;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may see a list. */
public enum Visibility {
    PRIVATE("Only me"),
    TEAM("Everyone on this Paperlog"),
    MEMBERS("The members I choose");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    static Optional<Visibility> of(String slug) {
        return Arrays.stream(values()).filter(v -> v.slug().equals(slug)).findFirst();
    }
}
