package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** A reading-group session for a list's item: a date (none clears it) and, if chosen, who presents it. */
record SessionForm(LocalDate date, String presenter) {

    static final String FIELD = "session";

    static SessionForm read(Context ctx) {
        Form form = Form.of(ctx);
        String rawDate = form.trimmed("date");
        LocalDate date = null;
        if (!rawDate.isEmpty()) {
            try {
                date = rawDate.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(rawDate) : null;
            } catch (DateTimeParseException notADay) {
                date = null;
            }
            if (date == null) {
                form.problem(FIELD, "The session's date should be a date like 2026-12-03.");
            }
        }
        String presenter = form.trimmed("presenter").toLowerCase(Locale.ROOT);
        if (presenter.length() > 32) {
            form.problem("presenter", "Choose the presenter from the list's members.");
        }
        form.refuseIfInvalid();
        return new SessionForm(date, presenter.isEmpty() || date == null ? null : presenter);
    }
}
