package io.paperlog.web;

/** How many unread notifications a person has, for the header; the activity feature supplies it at start. */
@FunctionalInterface
public interface Unread {

    int count(long accountId);

    Unread NONE = accountId -> 0;
}
