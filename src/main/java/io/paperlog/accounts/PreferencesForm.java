package io.paperlog.accounts;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Preferences;

/** My account's preferences: a time zone (empty: the browser's) and whether keyboard shortcuts are on. */
record PreferencesForm(String timeZone, boolean shortcuts) {

    static final String ZONE = "time_zone";

    static PreferencesForm read(Context ctx) {
        Form form = Form.of(ctx);
        String zone = form.trimmed(ZONE);
        boolean shortcuts = form.checkbox("shortcuts");
        if (!zone.isEmpty() && Preferences.zone(zone).isEmpty()) {
            form.problem(ZONE, "Choose a time zone from the list, such as Europe/Berlin, or your browser's.");
        }
        form.refuseIfInvalid();
        return new PreferencesForm(zone.isEmpty() ? null : Preferences.zone(zone).orElseThrow().getId(), shortcuts);
    }

    AccountStore.Choices choices() {
        return new AccountStore.Choices(timeZone, shortcuts);
    }
}
