package io.paperlog.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages {@link PageCache} keeps, least recently used first out, held to a budget of bytes that counts every
 * page's bytes, its gzipped bytes once made, and its key. A page larger than a quarter of the budget is not kept.
 */
final class KeptPages {

    /** What a kept page costs beyond its bytes and its key's characters: the objects around them. */
    static final int OVERHEAD = 200;

    /** A rendered page: its type, its bytes, its ETag, and the same bytes gzipped, made on first demand. */
    static final class Page {
        final String contentType;
        final byte[] plain;
        final String etag;
        private volatile byte[] gzip;

        Page(String contentType, byte[] plain, String etag) {
            this.contentType = contentType;
            this.plain = plain;
            this.etag = etag;
        }

        byte[] gzip() {
            return gzip;
        }
    }

    private record Kept(Page page, long size) {}

    private final long budgetBytes;
    private final LinkedHashMap<String, Kept> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    KeptPages(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    synchronized Page find(String key) {
        Kept kept = pages.get(key);
        return kept == null ? null : kept.page();
    }

    synchronized void keep(String key, Page page) {
        put(key, page);
    }

    /** Adds the gzipped bytes to a page; if it is still kept under that key, they count from now on. */
    synchronized void addGzip(String key, Page page, byte[] gzip) {
        page.gzip = gzip;
        Kept kept = pages.get(key);
        if (kept != null && kept.page() == page) {
            put(key, page);
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int count() {
        return pages.size();
    }

    private void put(String key, Page page) {
        Kept before = pages.remove(key);
        if (before != null) {
            bytes -= before.size();
        }
        byte[] gzip = page.gzip;
        long size = page.plain.length + (gzip == null ? 0 : gzip.length) + 2L * key.length() + OVERHEAD;
        if (size > budgetBytes / 4) {
            return;
        }
        pages.put(key, new Kept(page, size));
        bytes += size;
        Iterator<Map.Entry<String, Kept>> oldest = pages.entrySet().iterator();
        while (bytes > budgetBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().size();
            oldest.remove();
        }
    }
}
