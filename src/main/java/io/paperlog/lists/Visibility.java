package io.paperlog.lists;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may see a list. */
public enum Visibility {
    PRIVATE("Only me", "A list for yourself: no teammate sees it, not even the members you add (a public link, if you make one, still works)."),
    TEAM("Everyone on this Paperlog", "Every teammate can read it and join its discussion; editors you add change it."),
    MEMBERS("The members I choose", "Only the people you add, each as a viewer or an editor.");

    private final String label;
    private final String explanation;

    Visibility(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    static Optional<Visibility> of(String slug) {
        return Arrays.stream(values()).filter(v -> v.slug().equals(slug)).findFirst();
    }
}
