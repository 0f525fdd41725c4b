package io.paperlog.web;

/**
 * What the header shows of the person looking: asked only by the page layout, so a fragment answered in place
 * costs nothing.
 */
public record Header(CurrentUser user, Unread unread) {

    /** Their unread notifications; 0 for a visitor. */
    public int unreadNotifications() {
        return user == null ? 0 : unread.count(user.id());
    }
}
