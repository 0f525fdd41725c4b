package io.paperlog.annotations;

/** A teammate's answer to a team-visible annotation; replies do not nest. {@code editedAt} is null if never edited. */
public record Reply(long id, long annotationId, long userId, String authorUsername, String authorName, String body,
        String createdAt, String editedAt) {

    public boolean edited() {
        return editedAt != null;
    }
}
