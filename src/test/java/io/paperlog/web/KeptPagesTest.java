package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Kept pages stay within their budget of bytes however many are kept, so they cannot crowd out the heap. */
class KeptPagesTest {

    private static KeptPages.Page page(int bytes) {
        return new KeptPages.Page("text/html", new byte[bytes], "\"x\"");
    }

    @Test
    void neverHoldMoreThanTheBudgetAndDropTheLeastRecentlyUsedFirst() {
        KeptPages pages = new KeptPages(1_000_000);
        for (int i = 0; i < 1_000; i++) {
            pages.keep("page " + i, page(150_000 + i));
            assertTrue(pages.bytes() <= 1_000_000, "after " + i + ": " + pages.bytes());
        }
        assertEquals(6, pages.count(), "six pages of 150 KB fit in 1 MB");
        assertNull(pages.find("page 993"));
        assertNotNull(pages.find("page 994"));
        pages.find("page 994");
        pages.keep("one more", page(150_000));
        assertNotNull(pages.find("page 994"), "a page just asked for stays");
        assertNull(pages.find("page 995"), "the least recently asked for goes");
    }

    @Test
    void countGzippedBytesAndKeysAndRefuseAPageOverAQuarterOfTheBudget() {
        KeptPages pages = new KeptPages(100_000);
        KeptPages.Page page = page(20_000);
        pages.keep("k", page);
        assertEquals(20_000 + 2 + KeptPages.OVERHEAD, pages.bytes());
        pages.addGzip("k", page, new byte[4_000]);
        assertEquals(24_000 + 2 + KeptPages.OVERHEAD, pages.bytes());
        assertEquals(4_000, pages.find("k").gzip().length);
        pages.keep("k", page(10_000));
        assertEquals(10_000 + 2 + KeptPages.OVERHEAD, pages.bytes(), "a page kept again replaces the old one");
        pages.keep("big", page(25_001));
        assertNull(pages.find("big"));
        assertSame(null, pages.find("nowhere"));
    }

    @Test
    void anETagFollowsTheBytes() {
        assertEquals(PageCache.etag("same".getBytes()), PageCache.etag("same".getBytes()));
        assertNotEquals(PageCache.etag("same".getBytes()), PageCache.etag("samf".getBytes()));
        assertNotEquals(PageCache.etag(new byte[10]), PageCache.etag(new byte[11]));
    }
}
