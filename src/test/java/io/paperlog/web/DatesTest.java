package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void storedTimestampsReadAsDayMonthYearAndUtcTime() {
        assertEquals("26 Nov 2026, 06:20 UTC", Dates.INSTANCE.readable("2026-11-26T06:20:59Z"));
        assertEquals("1 Jan 2027, 00:00 UTC", Dates.INSTANCE.readable("2027-01-01T00:00:00Z"));
    }

    @Test
    void missingOrUnparseableValuesDoNotBreakAPage() {
        assertEquals("", Dates.INSTANCE.readable(null));
        assertEquals("", Dates.INSTANCE.readable(" "));
        assertEquals("yesterday", Dates.INSTANCE.readable("yesterday"));
    }

    @Test
    void timesReadInTheViewersZoneAndOnlyRealZonesCount() {
        assertEquals("26 Nov 2026, 15:20 JST",
                Dates.in(java.time.ZoneId.of("Asia/Tokyo")).readable("2026-11-26T06:20:59Z"));
        assertEquals("26 Nov 2026, 06:20 UTC", Dates.in(java.time.ZoneId.of("UTC")).readable("2026-11-26T06:20:59Z"));
        assertEquals(java.util.Optional.of(java.time.ZoneId.of("Europe/Berlin")), Preferences.zone(" Europe/Berlin "));
        assertEquals(java.util.Optional.empty(), Preferences.zone("Mars/Olympus_Mons"));
        assertEquals(java.util.Optional.empty(), Preferences.zone("../../etc/passwd"));
        assertEquals(java.util.Optional.empty(), Preferences.zone("Europe/" + "x".repeat(100)));
        assertEquals(java.util.Optional.empty(), Preferences.zone(null));
    }
}
