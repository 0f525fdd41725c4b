package io.paperlog.admin;

import io.paperlog.accounts.AccountStore;
import io.paperlog.web.UserError;
import java.util.Arrays;

/** What the admin page can do to an account, as its address names it, and what it says once done. */
enum AccountAction {
    DEACTIVATE("deactivate", " is deactivated and signed out everywhere."),
    REACTIVATE("reactivate", " can log in again."),
    PROMOTE("promote", " is now an admin."),
    DEMOTE("demote", " is no longer an admin.");

    private final String slug;
    private final String done;

    AccountAction(String slug, String done) {
        this.slug = slug;
        this.done = done;
    }

    static AccountAction of(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug.equals(slug)).findFirst()
                .orElseThrow(() -> UserError.notFound("There is no such action."));
    }

    /** Applies it; a 409 when it would leave no active admin. */
    void apply(AccountStore accounts, long accountId) {
        switch (this) {
            case DEACTIVATE -> accounts.setActive(accountId, false);
            case REACTIVATE -> accounts.setActive(accountId, true);
            case PROMOTE -> accounts.setAdmin(accountId, true);
            case DEMOTE -> accounts.setAdmin(accountId, false);
        }
    }

    String done(String username) {
        return username + done;
    }
}
