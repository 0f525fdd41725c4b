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

    /** 12345 as "12,345", for sentences about sizes and limits. */
    public static String grouped(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }
}
