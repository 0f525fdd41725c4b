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
import java.security.SecureRandom;
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
 * it was rendered for, the request (path, query, host, the fragment asked for), the minute, and the database's
 * data version. Any commit changes that number (Paperlog's or another process's), so a kept page is never older
 * than the data it shows; and a page is only ever given back to the session it was made for, so no one sees another person's
 * page. The same key, hashed, is the page's ETag: a matching {@code If-None-Match} is answered 304 before anything
 * is rendered or read.
 */
public final class PageCache {

    static final String KEY_ATTRIBUTE = "paperlog.page-cache.key";
    static final String CACHE_CONTROL = "private, no-cache";
    static final int GZIP_LEVEL = 6;

    private final LongSupplier dataVersion;
    private final String sessionCookie;
    private final Clock clock;
    private final long budgetBytes;
    private final String instance;
    private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** A rendered page: its type, its bytes, and the same gzipped (as Javalin would send them). */
    private record Page(String contentType, byte[] plain, byte[] gzip) {
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
        byte[] nonce = new byte[9];
        new SecureRandom().nextBytes(nonce);
        this.instance = Base64.getUrlEncoder().encodeToString(nonce);
    }

    /** Runs before the page's handler: a 304 or the kept page when the key allows, else notes the key. */
    public void before(Context ctx) {
        String session = ctx.cookie(sessionCookie);
        if (ctx.method() != HandlerType.GET || session == null || CurrentUser.find(ctx).isEmpty()
                || ctx.cookie(Flash.COOKIE) != null) {
            return;
        }
        String key = key(ctx, session);
        String etag = etag(key);
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.header("ETag", etag).header("Cache-Control", CACHE_CONTROL).status(304);
            ctx.skipRemainingHandlers();
            return;
        }
        Page page = find(key);
        if (page != null) {
            ctx.header("ETag", etag).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
            if (acceptsGzip(ctx)) {
                ctx.header("Content-Encoding", "gzip");
                ctx.contentType(page.contentType()).result(page.gzip());
            } else {
                ctx.contentType(page.contentType()).result(page.plain());
            }
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(KEY_ATTRIBUTE, key);
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
        keep(key, new Page(contentType, plain, gzip(plain)));
        ctx.header("ETag", etag(key)).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
    }

    private String key(Context ctx, String session) {
        return instance + '\n' + dataVersion.getAsLong() + '\n' + clock.millis() / 60_000 + '\n' + sha256(session) + '\n'
                + ctx.path() + '?' + ctx.queryString() + '\n' + ctx.host() + '\n' + ctx.header(InPlace.HEADER) + '\n'
                + ctx.header("Accept") + '\n' + ctx.cookie(Preferences.ZONE_COOKIE); // times are shown in the browser's zone
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

    private static String etag(String key) {
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256Bytes(key)).substring(0, 27) + '"';
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Bytes(text));
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
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
