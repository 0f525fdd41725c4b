package io.paperlog.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Stored timestamps as people read them: {@code 26 Nov 2026, 06:20 UTC}. Templates reach it as {@code dates}. */
public final class Dates {

    public static final Dates INSTANCE = new Dates();
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {}

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
