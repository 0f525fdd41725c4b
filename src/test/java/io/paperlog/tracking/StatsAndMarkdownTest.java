package io.paperlog.tracking;

import io.paperlog.web.SafeMarkdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsAndMarkdownTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    static TrackingStore.LibraryRow row(long id, Status status, String finished, Integer halves) {
        return new TrackingStore.LibraryRow(id, (int) id, "Paper " + id,
                new Mark(id, status, null, finished, status == Status.READ ? 1 : 0, 0, halves));
    }

    static TrackingStore.StatusEvent event(String at) {
        return new TrackingStore.StatusEvent(1, Status.NONE, Status.WANT, at);
    }

    @Test
    void statsOnKnownData() {
        List<TrackingStore.LibraryRow> rows = new ArrayList<>();
        rows.add(row(1, Status.READ, "2026-03-01", 10));
        rows.add(row(2, Status.READ, "2026-03-09", 7));
        rows.add(row(3, Status.READ, "2026-01-15", 6));
        rows.add(row(4, Status.READ, "2025-04-30", null)); // the oldest month shown
        rows.add(row(5, Status.READ, "2025-03-31", null)); // thirteen months ago: not shown
        rows.add(row(6, Status.READING, null, 7));
        rows.add(row(7, Status.WANT, null, null));
        rows.add(row(8, Status.ABANDONED, null, 1));
        List<TrackingStore.StatusEvent> events = List.of(event("2026-03-07T10:00:00Z"), event("2026-03-08T23:59:59Z"),
                event("2026-03-09T00:00:00Z"), event("2026-03-09T12:00:00Z"), event("2026-03-10T08:00:00Z"),
                event("2026-03-05T08:00:00Z"));

        Stats stats = Stats.compute(rows, 100, events, TODAY);

        assertEquals(12, stats.finishedPerMonth().size());
        assertEquals("2025-04", stats.finishedPerMonth().get(0).key());
        assertEquals(1, stats.finishedPerMonth().get(0).count());
        assertEquals("2026-03", stats.finishedPerMonth().get(11).key());
        assertEquals("Mar 2026", stats.finishedPerMonth().get(11).label());
        assertEquals(2, stats.finishedPerMonth().get(11).count());
        assertEquals(100, stats.finishedPerMonth().get(11).share());
        assertEquals(1, stats.finishedPerMonth().get(9).count()); // January
        assertEquals(4, stats.finishedInYear());
        assertEquals(5, stats.readCount());
        assertEquals(100, stats.total());

        assertEquals(5, stats.ratedCount());
        assertEquals("3.1", stats.averageRating()); // (5 + 3.5 + 3 + 3.5 + 0.5) / 5 = 3.1
        assertEquals(2, stats.ratingDistribution().get(6).count()); // 3.5 stars
        assertEquals(1, stats.ratingDistribution().get(0).count()); // 0.5 stars
        assertEquals(1, stats.ratingDistribution().get(9).count()); // 5 stars

        assertEquals(92, stats.statusBreakdown().get(0).count()); // none
        assertEquals(1, stats.statusBreakdown().get(1).count()); // want
        assertEquals(5, stats.statusBreakdown().get(3).count()); // read

        assertEquals(4, stats.streakDays()); // 7, 8, 9, 10 March; the 5th is not in a row
        assertTrue(stats.chartSvg().startsWith("<svg"));
        assertTrue(stats.chartSvg().contains("data-month=\"2026-03\""));
        assertEquals(12, stats.chartSvg().split("<rect").length - 1);
    }

    @Test
    void aStreakMayEndYesterdayAndIsZeroWithoutRecentActivity() {
        assertEquals(2, Stats.streak(List.of(event("2026-03-08T10:00:00Z"), event("2026-03-09T10:00:00Z")), TODAY));
        assertEquals(0, Stats.streak(List.of(event("2026-03-07T10:00:00Z")), TODAY));
        assertEquals(0, Stats.streak(List.of(), TODAY));
        Stats empty = Stats.compute(List.of(), 100, List.of(), TODAY);
        assertEquals(100, empty.statusBreakdown().get(0).count(), "every paper has no status");
        assertEquals("—", empty.averageRating());
        assertEquals(0, empty.finishedInYear());
    }

    @Test
    void markdownEscapesRawHtmlAndDropsUnsafeLinks() {
        String html = SafeMarkdown.toHtml("""
                **bold** and <script>alert(1)</script>
                <img src=x onerror=alert(1)>
                [click](javascript:alert(1)) [ok](https://example.org/a?b=1&c=2)
                <a href="javascript:alert(2)">raw</a>
                ![img](javascript:alert(3))
                """);
        assertTrue(html.contains("<strong>bold</strong>"));
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<img src=\"x\""), html);
        assertFalse(html.contains("<a href=\"javascript:"), html);
        assertFalse(html.contains("src=\"javascript:"), html);
        assertTrue(html.contains("href=\"https://example.org/a?b=1&amp;c=2\""), html);
        assertTrue(html.contains("rel=\"nofollow noopener noreferrer\""), html);
        assertFalse(html.toLowerCase().contains("href=\"javascript"), html);
    }

    @Test
    void notesDropDataUrlsInLinksAndImages() {
        String html = SafeMarkdown.toHtml("[page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
                + "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) [v](vbscript:msgbox) [f](file:///etc/passwd) "
                + "[ok](/papers/2) [mail](mailto:a@example.org)");
        assertFalse(html.contains("data:"), html);
        assertFalse(html.contains("vbscript:"), html);
        assertFalse(html.contains("file:"), html);
        assertTrue(html.contains("href=\"/papers/2\""), html);
        assertTrue(html.contains("href=\"mailto:a@example.org\""), html);
    }
}
