package io.paperlog.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * What a value from a file must be before it is stored, so that the schema's checks never fail on it: each check
 * throws {@link Refused} with a sentence for the person, and the thing it belongs to is skipped.
 */
final class Checks {

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private Checks() {}

    static String text(String value, String what, int min, int max) {
        if (value == null) {
            if (min > 0) {
                throw new Refused(what + " is missing.");
            }
            return "";
        }
        if (value.indexOf('\u0000') >= 0 || hasLoneSurrogate(value)) {
            throw new Refused(what + " holds characters that are not text.");
        }
        int length = value.codePointCount(0, value.length());
        if (value.strip().length() < min) {
            throw new Refused(what + " is empty.");
        }
        if (length > max) {
            throw new Refused(what + " is longer than " + max + " characters.");
        }
        return value;
    }

    static String optional(String value, String what, int max) {
        return value == null ? null : text(value, what, 0, max);
    }

    static String oneOf(String value, String what, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new Refused(what + " must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return value;
    }

    /** A UTC timestamp as stored: {@code 2026-01-31T12:00:00Z}. */
    static String instant(String value, String what) {
        if (value == null) {
            throw new Refused(what + " is missing.");
        }
        try {
            Instant parsed = Instant.parse(value);
            if (!parsed.toString().equals(value) || value.length() != 20) {
                throw new Refused(what + " must be a UTC time like 2026-01-31T12:00:00Z, not " + shown(value) + ".");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new Refused(what + " must be a UTC time like 2026-01-31T12:00:00Z, not " + shown(value) + ".");
        }
    }

    static String optionalInstant(String value, String what) {
        return value == null ? null : instant(value, what);
    }

    /** A day: {@code 2026-01-31}, in this century or the last. */
    static String date(String value, String what) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1900 || day.getYear() > 2100) {
                throw new Refused(what + " is out of range: " + shown(value) + ".");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new Refused(what + " must be a date like 2026-01-31, not " + shown(value) + ".");
        }
    }

    static int atLeast(int value, int min, String what) {
        if (value < min) {
            throw new Refused(what + " must be at least " + min + ".");
        }
        return value;
    }

    /** A value as a message may show it: short, on one line. */
    static String shown(String value) {
        String flat = value.replaceAll("\\p{Cntrl}", " ");
        return "“" + (flat.length() > 40 ? flat.substring(0, 40) + "…" : flat) + "”";
    }

    static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
