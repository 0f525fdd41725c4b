package io.paperlog.db;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps as stored: UTC, ISO-8601 to the second ({@code 2026-01-31T12:00:00Z}), so text order is time order. */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_INSTANT;

    private Timestamps() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
