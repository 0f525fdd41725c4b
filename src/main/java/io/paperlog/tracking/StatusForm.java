package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A status to move a paper to, and the start and finish dates the dates form may carry (null when empty). */
public record StatusForm(Status status, LocalDate startedOn, LocalDate finishedOn) {

    /** The status form and its dates share one place for their error on the page. */
    static final String FIELD = "status";

    public static StatusForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    public static StatusForm read(Form form) {
        Status status = Status.fromSlug(form.text("status")).orElse(null);
        if (status == null) {
            form.problem(FIELD, Status.RULE);
        }
        LocalDate start = date(form, "started_on", "start");
        LocalDate finish = date(form, "finished_on", "finish");
        form.refuseIfInvalid();
        return new StatusForm(status, start, finish);
    }

    private static LocalDate date(Form form, String name, String what) {
        String raw = form.trimmed(name);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            if (raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(raw);
            }
        } catch (DateTimeParseException notADay) {
            // reported below
        }
        form.problem(FIELD, "The " + what + " date should be a date like 2026-01-31.");
        return null;
    }
}
