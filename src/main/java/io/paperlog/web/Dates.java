package io.paperlog.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Stored timestamps and days as people read them, in the viewer's time zone: {@code 26 Nov 2026, 07:20 CET},
 * {@code Thursday 3 Dec 2026}. Templates reach the viewer's as {@code dates}; {@link #INSTANCE} is UTC.
 */
public final class Dates {

    public static final Dates INSTANCE = new Dates(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;
    private final DateTimeFormatter readable;

    private Dates(ZoneId zone) {
        this.zone = zone;
        boolean utc = zone.normalized().equals(ZoneOffset.UTC);
        this.readable = DateTimeFormatter.ofPattern(utc ? "d MMM yyyy, HH:mm 'UTC'" : "d MMM yyyy, HH:mm zzz",
                Locale.ENGLISH).withZone(zone);
    }

    public static Dates in(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? INSTANCE : new Dates(zone);
    }

    /** The dates of the person asking, in their zone. */
    public static Dates of(Context ctx) {
        return in(Preferences.of(ctx).zone());
    }

    public ZoneId zone() {
        return zone;
    }

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
            return readable.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException notAnInstant) {
            return isoInstant;
        }
    }
}
