package io.paperlog.accounts;

/** The person a request is made by, as every feature sees them. */
public record CurrentUser(long id, String username, String displayName, boolean admin) {}
