package io.paperlog.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Time as stored: instants in UTC, ISO-8601 to the second ({@code 2026-01-31T12:00:00Z}), so text order is time
 * order; days as {@code 2026-01-31}. Every store reads the time from its {@link Clock} through here.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_INSTANT;

    private Timestamps() {}

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** Today's date in UTC. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
