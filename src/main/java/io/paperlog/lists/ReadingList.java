package io.paperlog.lists;

import io.paperlog.web.SafeMarkdown;

/**
 * A list as stored, with its owner's name and whether their account is active. {@code publicToken} is null while
 * the public link is off.
 */
public record ReadingList(long id, long ownerId, String ownerName, boolean ownerActive, String name,
                          String description, Visibility visibility, String publicToken, int version,
                          String createdAt) {

    public String descriptionHtml() {
        return SafeMarkdown.toHtml(description);
    }

    public boolean shared() {
        return publicToken != null;
    }
}
