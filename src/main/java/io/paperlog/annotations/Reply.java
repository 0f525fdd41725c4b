package io.paperlog.annotations;

/** A teammate's answer to a team-visible annotation; replies do not nest. */
public record Reply(long id, long annotationId, long userId, String authorUsername, String authorName, String body,
        String createdAt) {}
