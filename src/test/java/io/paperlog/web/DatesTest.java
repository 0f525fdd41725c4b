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
}
