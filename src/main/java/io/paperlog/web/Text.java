package io.paperlog.web;

/** The small text rules every feature shares. */
public final class Text {

    private Text() {}

    /** {@code value} with CRLF and lone CR line breaks as LF; "" for null. */
    public static String lf(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code value}, or {@code fallback} when it is empty. */
    public static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /**
     * How many characters {@code value} has as a person counts them (and as SQLite's length() does): an emoji or
     * another character outside the Basic Multilingual Plane is one, not two.
     */
    public static int characters(String value) {
        return value.codePointCount(0, value.length());
    }

    /** 12345 as "12,345", for sentences about sizes and limits. */
    public static String grouped(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }
}
