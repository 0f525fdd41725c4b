package io.paperlog.lists;

import io.paperlog.papers.AbstractMarkup;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A list's sessions as an iCalendar (RFC 5545) feed of all-day events. Written here rather than with a library:
 * the one maintained Java library, ical4j, brings Groovy and four other libraries at run time for what is a dozen
 * properties of text; the tests parse this output with ical4j to hold it to the standard.
 */
final class IcsCalendar {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_LINE_OCTETS = 75;

    private IcsCalendar() {}

    /** {@code baseUrl} names the instance in event ids and links; {@code now} stamps every event. */
    static String of(ReadingList list, List<ListItem> items, String baseUrl, Instant now) {
        StringBuilder ics = new StringBuilder(512 + 256 * items.size());
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Paperlog//Reading group sessions//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text(list.name()));
        String host = baseUrl.replaceFirst("^https?://", "").replaceAll("[/:]", ".");
        for (ListItem item : items) {
            if (!item.scheduled()) {
                continue;
            }
            LocalDate day = LocalDate.parse(item.sessionOn());
            line(ics, "BEGIN:VEVENT");
            // the paper too: an item id can come back for another paper after a removal
            line(ics, "UID:list-" + list.id() + "-item-" + item.id() + "-paper-" + item.paperId() + "@" + host);
            line(ics, "DTSTAMP:" + STAMP.format(now));
            line(ics, "DTSTART;VALUE=DATE:" + DAY.format(day));
            line(ics, "DTEND;VALUE=DATE:" + DAY.format(day.plusDays(1)));
            line(ics, "SUMMARY:" + text(AbstractMarkup.toPlainText(item.paperTitle())));
            String presenter = item.presenterName() == null ? "" : "Presented by " + item.presenterName() + ". ";
            line(ics, "DESCRIPTION:" + text(presenter + "Reading group: " + list.name() + "."
                    + (item.note().isBlank() ? "" : "\n\n" + item.note())));
            line(ics, "URL:" + baseUrl + "/papers/" + item.paperId());
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n, other control characters as spaces. */
    static String text(String value) {
        return value.replace("\r\n", "\n").replace("\r", "\n")
                .replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", " ") // TEXT allows no other control character
                .replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Ends the line with CRLF, folded so that no line is longer than 75 octets, never inside a character. */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_LINE_OCTETS) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
