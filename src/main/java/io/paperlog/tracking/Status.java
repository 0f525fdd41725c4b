package io.paperlog.tracking;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a person is with a paper. {@code NONE} is also what a paper without a stored status has. */
public enum Status {
    NONE("none", "No status"),
    WANT("want", "Want to read"),
    READING("reading", "Reading"),
    READ("read", "Read"),
    ABANDONED("abandoned", "Abandoned");

    /** What a status may be, said to whoever sent another. */
    public static final String RULE = "A status is one of "
            + Arrays.stream(values()).map(Status::getSlug).collect(Collectors.joining(", ")) + ".";

    private final String slug;
    private final String label;

    Status(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String getSlug() {
        return slug;
    }

    public String getLabel() {
        return label;
    }

    public static Optional<Status> fromSlug(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String wanted = raw.trim();
        return Arrays.stream(values()).filter(s -> s.slug.equals(wanted)).findFirst();
    }

    /** A stored slug, which the schema guarantees is one of ours. */
    static Status of(String slug) {
        return fromSlug(slug).orElseThrow(() -> new IllegalStateException("unknown stored status " + slug));
    }
}
