package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** A reading-group session for a list's item: a date (none clears it) and, if chosen, who presents it. */
record SessionForm(LocalDate date, String presenter) {

    static final String FIELD = "session";

    /** Reading groups meet this century; anything else is a typo (and calendars cannot write year 10000). */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

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
            } else if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                form.problem(FIELD, "The session's date should be between 2000 and 2099.");
            }
        }
        String presenter = form.trimmed("presenter").toLowerCase(Locale.ROOT);
        if (presenter.length() > MemberForm.MAX_USERNAME) {
            form.problem("presenter", "Choose the presenter from the list's members.");
        } else if (!presenter.isEmpty() && rawDate.isEmpty()) {
            form.problem(FIELD, "Choose the session's date as well as who presents it.");
        }
        form.refuseIfInvalid();
        return new SessionForm(date, presenter.isEmpty() || date == null ? null : presenter);
    }
}
