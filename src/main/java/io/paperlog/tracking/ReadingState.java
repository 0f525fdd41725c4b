package io.paperlog.tracking;

import io.paperlog.web.UserError;
import java.time.LocalDate;

/** Where one person is with one paper, as its reading_status row holds it; dates are YYYY-MM-DD or null. */
record ReadingState(Status status, String startedOn, String finishedOn, int timesRead, int rereads) {

    static final ReadingState UNREAD = new ReadingState(Status.NONE, null, null, 0, 0);

    /**
     * This state after {@code change} on {@code today}: moving to reading starts it today (a re-read if it was read
     * before); moving to read finishes it today and counts a reading. Dates the form gives win, but only one that
     * differs from the stored one is an edit, since the dates form sends the stored dates back. A finish before
     * the start is refused (422).
     */
    ReadingState after(StatusForm change, LocalDate today) {
        Status to = change.status();
        boolean moved = to != status;
        String start = moved && to == Status.READING ? today.toString() : startedOn;
        String finish = moved && to == Status.READING ? null : moved && to == Status.READ ? today.toString() : finishedOn;
        int read = moved && to == Status.READ ? timesRead + 1 : timesRead;
        int again = moved && to == Status.READING && timesRead > 0 ? rereads + 1 : rereads;
        if (change.startedOn() != null && !change.startedOn().toString().equals(startedOn)) {
            start = change.startedOn().toString();
        }
        if (change.finishedOn() != null && !change.finishedOn().toString().equals(finishedOn)) {
            finish = change.finishedOn().toString();
        }
        if (start != null && finish != null && finish.compareTo(start) < 0) {
            throw UserError.invalid(StatusForm.FIELD, "The finish date (" + finish
                    + ") can't be before the start date (" + start + ").");
        }
        return new ReadingState(to, start, finish, read, again);
    }
}
