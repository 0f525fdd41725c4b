package io.paperlog.lists;

/** A list as /lists shows it. {@code nextSession} is the date of the next scheduled session, or null. */
public record ListSummary(long id, String name, Visibility visibility, Role role, String ownerName, int items,
                          String nextSession) {}
