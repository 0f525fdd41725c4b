package io.paperlog.lists;

import io.paperlog.web.SafeMarkdown;

/** A comment in an item's discussion. */
public record Comment(long id, long itemId, long authorId, String authorName, String body, String createdAt,
                      String updatedAt) {

    public String bodyHtml() {
        return SafeMarkdown.toHtml(body);
    }

    public boolean edited() {
        return !updatedAt.equals(createdAt);
    }
}
