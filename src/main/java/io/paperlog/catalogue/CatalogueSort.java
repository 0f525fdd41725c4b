package io.paperlog.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders the catalogue can be read in, named as they appear in {@code ?sort=}; {@link CatalogueStore} applies them.
 * The seeded catalogue's rank is its order by citations, so "rank" and "most cited" are one order: {@code rank}
 * stays accepted as another name for it, for links and scripts written before they were merged.
 */
public enum CatalogueSort {
    /** Most cited first; among equals, the seeded rank, then the oldest added. */
    CITATIONS("citations", "Most cited"),
    /** The newest year first; papers without a year last. */
    NEWEST("newest", "Newest"),
    TITLE("title", "Title"),
    /** The person's own rating, highest first; unrated papers last, most cited first. */
    RATING("rating", "My rating");

    static final String OLD_RANK = "rank";

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

    /** The sort named by {@code raw}; absent or blank means most cited, an unknown name is empty. */
    public static Optional<CatalogueSort> fromParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(CITATIONS);
        }
        String wanted = raw.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(OLD_RANK)) {
            return Optional.of(CITATIONS);
        }
        return Arrays.stream(values()).filter(s -> s.slug.equals(wanted)).findFirst();
    }
}
