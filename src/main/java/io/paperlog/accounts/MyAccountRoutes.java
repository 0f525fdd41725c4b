package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A person's own account: display name, preferences, password, and their sessions elsewhere. */
public final class MyAccountRoutes {

    /** The time zones offered: the regions people name (Europe/Berlin), not the old aliases (CET, US/Pacific). */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().collect(Collectors.collectingAndThen(Collectors.toList(), list -> {
                list.add(0, "UTC");
                return List.copyOf(list);
            }));

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final Views views;

    MyAccountRoutes(AccountStore accounts, SessionStore sessions, Passwords passwords, Views views) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.views = views;
    }

    public void show(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        AccountStore.Choices choices = accounts.choices(user.id());
        views.render(ctx, "accounts/account", Map.of(
                "account", user,
                "displayName", Form.kept(ctx, "display_name", user.displayName()),
                "otherSessions", sessions.countFor(user.id()) - 1,
                "timeZone", Form.kept(ctx, PreferencesForm.ZONE, choices.timeZone() == null ? "" : choices.timeZone()),
                "zones", ZONES,
                "shortcuts", choices.shortcuts()));
    }

    /** The time zone times are shown in, and whether single-key shortcuts are on. */
    public void updatePreferences(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        accounts.setChoices(user.id(), PreferencesForm.read(ctx).choices());
        SafeRedirect.to(ctx, "/account", "Your preferences are saved.");
    }

    public void updateProfile(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        accounts.setDisplayName(user.id(), ProfileForm.read(ctx).displayName());
        SafeRedirect.to(ctx, "/account", "Your display name is saved.");
    }

    /** A new password signs out every other session of the account. */
    public void changePassword(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        String storedHash = accounts.find(user.id()).orElseThrow().passwordHash();
        PasswordForm form = PasswordForm.read(ctx, current -> passwords.verify(current, storedHash));
        accounts.setPasswordHash(user.id(), passwords.hash(form.password()));
        int ended = sessions.deleteOthers(user.id(), SignIn.current(ctx).orElseThrow().tokenHash());
        SafeRedirect.to(ctx, "/account",
                "Your password is changed" + (ended > 0 ? "; your other sessions are signed out." : "."));
    }

    public void endOtherSessions(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        int ended = sessions.deleteOthers(user.id(), SignIn.current(ctx).orElseThrow().tokenHash());
        SafeRedirect.to(ctx, "/account", ended == 1 ? "1 other session is signed out." : ended
                + " other sessions are signed out.");
    }
}
