package io.paperlog.web;

/**
 * What the header shows of the person looking: asked only by the page layout, so a fragment answered in place
 * costs nothing.
 */
public record Header(CurrentUser user, Unread unread, Shortcuts shortcuts) {

    /** My saved views, for the navigation; none for a visitor. */
    public java.util.List<Shortcuts.Shortcut> saved() {
        return user == null ? java.util.List.of() : shortcuts.of(user.id());
    }

    /** Their unread notifications; 0 for a visitor. */
    public int unreadNotifications() {
        return user == null ? 0 : unread.count(user.id());
    }
}
