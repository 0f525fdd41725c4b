package io.paperlog.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The calendar of a list's sessions, read back with ical4j: what it says, and that it keeps RFC 5545's rules. */
class IcsCalendarTest {

    static final ReadingList LIST = new ReadingList(7, 1, "Ada", true, "NLP group; Thursdays, 4pm", "", Visibility.TEAM, null,
            1, "2026-11-01T00:00:00Z");

    static ListItem item(long id, String title, String sessionOn, String presenter, String note) {
        return new ListItem(id, 7, 36, 36, title, (int) id, note, "Ada", "2026-11-01T00:00:00Z", sessionOn, null,
                presenter, 0);
    }

    @Test
    void eachScheduledItemIsAnAllDayEventThatParses() throws Exception {
        String ics = IcsCalendar.of(LIST, List.of(
                item(1, "Reformer: The Efficient Transformer", "2026-12-03", "Ada Lovelace", "Read §3 first,\nthen the rest; really."),
                item(2, "Not scheduled", null, null, ""),
                item(3, "Attention $O(n^2)$, \\textit{again}", "2027-01-14", null, "")),
                "https://papers.example.org", Instant.parse("2026-11-26T10:00:00Z"));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent first = events.get(0);
        assertEquals("Reformer: The Efficient Transformer", first.getSummary().get().getValue());
        assertEquals("20261203", first.getDateTimeStart().get().getValue());
        assertEquals("20261204", first.getDateTimeEnd().get().getValue());
        assertEquals("Presented by Ada Lovelace. Reading group: NLP group; Thursdays, 4pm.\n\nRead §3 first,\nthen the rest; really.",
                first.getDescription().get().getValue());
        assertEquals("https://papers.example.org/papers/36", first.getUrl().get().getValue());
        assertEquals("list-7-item-1-paper-36@papers.example.org", first.getUid().get().getValue());
        assertEquals("Attention O(n^2), again", events.get(1).getSummary().get().getValue());
    }

    @Test
    void longLinesFoldAt75OctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        IcsCalendar.line(out, "SUMMARY:" + "é".repeat(100));
        for (String line : out.toString().split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        String unfolded = out.toString().replace("\r\n ", "").replace("\r\n", "");
        assertEquals("SUMMARY:" + "é".repeat(100), unfolded);
        assertTrue(out.toString().endsWith("\r\n"));
    }

    @Test
    void textEscapesTheCharactersThatMeanSomething() {
        assertEquals("a\\\\b\\;c\\,d\\ne", IcsCalendar.text("a\\b;c,d\r\ne"));
        assertEquals("bell ring\tand a tab", IcsCalendar.text("bell\u0007ring\tand a tab"), "only HTAB may stay");
    }
}
