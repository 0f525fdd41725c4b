package io.paperlog.lists;

import io.paperlog.web.UserError;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do with a list: a viewer reads and comments; an editor also adds, removes and orders items,
 * writes their notes and schedules sessions; the owner also manages members and settings, deletes the list and
 * hands it on.
 */
public enum Role {
    VIEWER("Viewer"), EDITOR("Editor"), OWNER("Owner");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** "a viewer", "an editor", "the owner". */
    public String withArticle() {
        return switch (this) {
            case VIEWER -> "a viewer";
            case EDITOR -> "an editor";
            case OWNER -> "the owner";
        };
    }

    public boolean atLeast(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** A member's role as a form or the database names it: viewer or editor (an owner is not a member). */
    static Optional<Role> ofMember(String slug) {
        return Arrays.stream(new Role[] {VIEWER, EDITOR}).filter(r -> r.slug().equals(slug)).findFirst();
    }

    static Role stored(String slug) {
        return ofMember(slug).orElseThrow(() -> new IllegalStateException("unknown stored role " + slug));
    }

    /** A 403 unless this role is at least {@code needed}. */
    void require(Role needed) {
        if (!atLeast(needed)) {
            throw UserError.forbidden(needed == Role.OWNER ? "Only the list's owner can do that."
                    : "Only the list's owner and editors can change its papers.");
        }
    }
}
