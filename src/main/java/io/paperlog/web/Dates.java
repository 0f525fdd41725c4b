package io.paperlog.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Stored timestamps and days as people read them: {@code 26 Nov 2026, 06:20 UTC}, {@code Thursday 3 Dec 2026}.
 * Templates reach it as {@code dates}.
 */
public final class Dates {

    public static final Dates INSTANCE = new Dates();
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMM yyyy", Locale.ENGLISH);

    private Dates() {}

    /** {@code 2026-12-03} as {@code Thursday 3 Dec 2026}; anything unparseable comes back as it was. */
    public String day(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        try {
            return DAY.format(LocalDate.parse(isoDate));
        } catch (DateTimeParseException notADate) {
            return isoDate;
        }
    }

    /** {@code 2026-11-26T06:20:00Z} as {@code 26 Nov 2026, 06:20 UTC}; anything unparseable comes back as it was. */
    public String readable(String isoInstant) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return "";
        }
        try {
            return READABLE.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException notAnInstant) {
            return isoInstant;
        }
    }
}
