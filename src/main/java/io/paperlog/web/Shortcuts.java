package io.paperlog.web;

import java.util.List;

/** The links a person saved for the navigation (their saved views); a feature supplies them at start. */
@FunctionalInterface
public interface Shortcuts {

    /** One link: its name as the person gave it, and where it goes. */
    record Shortcut(String name, String href) {}

    List<Shortcut> of(long accountId);

    Shortcuts NONE = accountId -> List.of();
}
