package io.paperlog.accounts;

import io.paperlog.web.CurrentUser;

/** An account as stored, hash included: never handed to a template. */
public record Account(long id, String username, String displayName, String passwordHash, boolean admin,
                      boolean active, String createdAt) {

    public CurrentUser asCurrentUser() {
        return new CurrentUser(id, username, displayName, admin);
    }
}
