package io.paperlog.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;

/**
 * Signed-in pages kept as the bytes they were rendered to, keyed by everything a page is made from: the session
 * it was rendered for and the browser's other cookies, the request (path, query, host, the fragment asked for),
 * the minute, and the database's data version. Any commit changes that number (Paperlog's or another process's),
 * so a kept page is never older than the data it shows; and a page is only ever given back to the session it was
 * made for, so no one sees another person's page. A page's ETag is the hash of its bytes; while it is kept, a
 * matching {@code If-None-Match} is answered 304 before anything is rendered.
 */
public final class PageCache {

    static final String KEY_ATTRIBUTE = "paperlog.page-cache.key";
    static final String CACHE_CONTROL = "private, no-cache";
    static final int GZIP_LEVEL = 6;

    private final LongSupplier dataVersion;
    private final String sessionCookie;
    private final Clock clock;
    private final long budgetBytes;
    private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** A rendered page: its type, its bytes, the same gzipped (as Javalin would send them), and their ETag. */
    private record Page(String contentType, byte[] plain, byte[] gzip, String etag) {
        long size() {
            return plain.length + gzip.length + 200L;
        }
    }

    /**
     * @param dataVersion   a number that moves whenever anything stored changes
     * @param sessionCookie the cookie that names a signed-in session
     * @param budgetBytes   how much the kept pages may take; the least recently used go first
     */
    public PageCache(LongSupplier dataVersion, String sessionCookie, Clock clock, long budgetBytes) {
        this.dataVersion = dataVersion;
        this.sessionCookie = sessionCookie;
        this.clock = clock;
        this.budgetBytes = budgetBytes;
    }

    /** Runs before the page's handler: a 304 or the kept page when one is kept under this key, else notes the key. */
    public void before(Context ctx) {
        String session = ctx.cookie(sessionCookie);
        if (ctx.method() != HandlerType.GET || session == null || CurrentUser.find(ctx).isEmpty()
                || ctx.cookie(Flash.COOKIE) != null) {
            return;
        }
        String key = key(ctx, session);
        Page page = find(key);
        if (page == null) {
            ctx.attribute(KEY_ATTRIBUTE, key);
            return;
        }
        ctx.header("ETag", page.etag()).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
        if (matches(ctx.header("If-None-Match"), page.etag())) {
            ctx.status(304);
        } else if (acceptsGzip(ctx)) {
            ctx.header("Content-Encoding", "gzip");
            ctx.contentType(page.contentType()).result(page.gzip());
        } else {
            ctx.contentType(page.contentType()).result(page.plain());
        }
        ctx.skipRemainingHandlers();
    }

    /** Runs after the handler: keeps a whole HTML page that set no cookie, and names it by its ETag. */
    public void after(Context ctx) {
        String key = ctx.attribute(KEY_ATTRIBUTE);
        String contentType = ctx.res().getContentType();
        if (key == null || ctx.statusCode() != 200 || contentType == null || !contentType.startsWith("text/html")
                || ctx.res().getHeader("Set-Cookie") != null || ctx.res().getHeader("Content-Encoding") != null
                || !(ctx.resultInputStream() instanceof ByteArrayInputStream body)) {
            return;
        }
        byte[] plain = body.readAllBytes();
        body.reset();
        Page page = new Page(contentType, plain, gzip(plain), etag(plain));
        keep(key, page);
        ctx.header("ETag", page.etag()).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
    }

    private String key(Context ctx, String session) {
        // every cookie, not only the session's: a page is also drawn from the browser's own choices (the
        // catalogue's compact view, the time zone app.js reports)
        return dataVersion.getAsLong() + "\n" + clock.millis() / 60_000 + '\n' + hex(session) + '\n'
                + hex(String.valueOf(ctx.header("Cookie"))) + '\n' + ctx.path() + '?' + ctx.queryString() + '\n'
                + ctx.host() + '\n' + ctx.header(InPlace.HEADER) + '\n' + ctx.header("Accept");
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private synchronized Page find(String key) {
        return pages.get(key);
    }

    private synchronized void keep(String key, Page page) {
        if (page.size() > budgetBytes / 4) {
            return;
        }
        Page before = pages.put(key, page);
        bytes += page.size() - (before == null ? 0 : before.size());
        Iterator<Map.Entry<String, Page>> oldest = pages.entrySet().iterator();
        while (bytes > budgetBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().size();
            oldest.remove();
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(Context ctx) {
        String accepted = ctx.header("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** The page's own hash: the same bytes have the same ETag, whoever and whenever they were rendered for. */
    private static String etag(byte[] plain) {
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(plain)).substring(0, 27) + '"';
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(GZIP_LEVEL);
            }
        }) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
