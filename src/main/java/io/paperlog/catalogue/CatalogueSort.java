package io.paperlog.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders the catalogue can be read in, named as they appear in {@code ?sort=}; {@link CatalogueStore} applies them. */
public enum CatalogueSort {
    RANK("rank", "Rank"),
    CITATIONS("citations", "Most cited"),
    TITLE("title", "Title"),
    /** The person's own rating, highest first; unrated papers last, by rank. */
    RATING("rating", "My rating");

    private final String slug;
    private final String label;

    CatalogueSort(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String getSlug() {
        return slug;
    }

    public String getLabel() {
        return label;
    }

    /** The sort named by {@code raw}; absent or blank means rank, an unknown name is empty. */
    public static Optional<CatalogueSort> fromParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(RANK);
        }
        String wanted = raw.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.slug.equals(wanted)).findFirst();
    }
}
