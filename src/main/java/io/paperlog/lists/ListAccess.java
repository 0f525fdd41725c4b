package io.paperlog.lists;

/** A list as one person may use it: what it is, and their role in it. */
public record ListAccess(ReadingList list, Role role) {

    public long id() {
        return list.id();
    }

    public boolean canEdit() {
        return role.atLeast(Role.EDITOR);
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    /** A 403 unless the person may do what needs {@code needed}. */
    public ListAccess require(Role needed) {
        role.require(needed);
        return this;
    }
}
