package io.paperlog.lists;

/** Someone on a list: its owner, or a member with a role. */
public record Member(long accountId, String username, String displayName, Role role) {}
