package io.paperlog.accounts;

/** An account as stored, hash included: never handed to a template. */
public record Account(long id, String username, String displayName, String passwordHash, boolean admin,
                      boolean active, String createdAt) {}
