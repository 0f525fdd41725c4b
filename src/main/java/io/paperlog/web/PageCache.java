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
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * Signed-in pages kept as the bytes they were rendered to, keyed by everything a page is made from: the session
 * it was rendered for and the browser's other cookies, the request (path, query, host, the fragment asked for),
 * the minute, and the database's data version. Any commit changes that number (Paperlog's or another process's),
 * so a kept page is never older than the data it shows; and a page is only ever given back to the session it was
 * made for, so no one sees another person's page. A page's ETag is a checksum of its bytes; while it is kept, a
 * matching {@code If-None-Match} is answered 304 before anything is rendered.
 */
public final class PageCache {

    static final String KEY_ATTRIBUTE = "paperlog.page-cache.key";
    static final String LATCH_ATTRIBUTE = "paperlog.page-cache.rendering";
    static final String CACHE_CONTROL = "private, no-cache";
    static final int GZIP_LEVEL = 6;
    /** How long a request waits for the same page being rendered for the same session before rendering it too. */
    static final long WAIT_MILLIS = 2_000;

    private final LongSupplier dataVersion;
    private final String sessionCookie;
    private final Clock clock;
    private final KeptPages pages;
    /** Pages being rendered now, by key: whoever asks for one meanwhile waits for it rather than render it again. */
    private final ConcurrentHashMap<String, CountDownLatch> rendering = new ConcurrentHashMap<>();

    /**
     * @param dataVersion   a number that moves whenever anything stored changes
     * @param sessionCookie the cookie that names a signed-in session
     * @param budgetBytes   how much the kept pages may take; the least recently used go first
     */
    public PageCache(LongSupplier dataVersion, String sessionCookie, Clock clock, long budgetBytes) {
        this.dataVersion = dataVersion;
        this.sessionCookie = sessionCookie;
        this.clock = clock;
        this.pages = new KeptPages(budgetBytes);
    }

    /** Runs before the page's handler: a 304 or the kept page when one is kept under this key, else notes the key. */
    public void before(Context ctx) {
        String session = ctx.cookie(sessionCookie);
        if (ctx.method() != HandlerType.GET || session == null || CurrentUser.find(ctx).isEmpty()
                || ctx.cookie(Flash.COOKIE) != null) {
            return;
        }
        String key = key(ctx, session);
        KeptPages.Page page = pages.find(key);
        if (page == null) {
            page = awaitOrRender(ctx, key);
            if (page == null) {
                return;
            }
        }
        ctx.header("ETag", page.etag).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
        if (matches(ctx.header("If-None-Match"), page.etag)) {
            ctx.status(304);
        } else {
            send(ctx, key, page);
        }
        ctx.skipRemainingHandlers();
    }

    /**
     * When this page is being rendered for this session already (sixteen tabs, a burst after every write or each
     * new minute), waits for that one and returns it; else notes that this request renders it and returns null.
     */
    private KeptPages.Page awaitOrRender(Context ctx, String key) {
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch theirs = rendering.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                if (theirs.await(WAIT_MILLIS, TimeUnit.MILLISECONDS) && pages.find(key) != null) {
                    return pages.find(key);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rendering.remove(key, theirs);
            ctx.attribute(KEY_ATTRIBUTE, key);
            return null;
        }
        ctx.attribute(KEY_ATTRIBUTE, key);
        ctx.attribute(LATCH_ATTRIBUTE, mine);
        return null;
    }

    /** Runs after the handler: keeps a whole HTML page that set no cookie, and names it by its ETag. */
    public void after(Context ctx) {
        String key = ctx.attribute(KEY_ATTRIBUTE);
        try {
            keep(ctx, key);
        } finally {
            CountDownLatch latch = ctx.attribute(LATCH_ATTRIBUTE);
            if (latch != null) {
                rendering.remove(key, latch);
                latch.countDown();
            }
        }
    }

    private void keep(Context ctx, String key) {
        String contentType = ctx.res().getContentType();
        if (key == null || ctx.statusCode() != 200 || contentType == null || !contentType.startsWith("text/html")
                || ctx.res().getHeader("Set-Cookie") != null || ctx.res().getHeader("Content-Encoding") != null
                || !(ctx.resultInputStream() instanceof ByteArrayInputStream body)) {
            return;
        }
        byte[] plain = body.readAllBytes();
        KeptPages.Page page = new KeptPages.Page(contentType, plain, etag(plain));
        pages.keep(key, page);
        ctx.header("ETag", page.etag).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
        send(ctx, key, page);
    }

    /** The page, gzipped when the browser takes gzip: compressed once, on the first such request, then kept. */
    private void send(Context ctx, String key, KeptPages.Page page) {
        if (!acceptsGzip(ctx)) {
            ctx.contentType(page.contentType).result(page.plain);
            return;
        }
        byte[] gzip = page.gzip();
        if (gzip == null) {
            gzip = gzip(page.plain);
            pages.addGzip(key, page, gzip);
        }
        ctx.header("Content-Encoding", "gzip");
        ctx.contentType(page.contentType).result(gzip);
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

    /**
     * The page's own checksum: the same bytes have the same ETag, whoever and whenever they were rendered for.
     * CRC-32C and Adler-32 together (64 bits) and the length, rather than SHA-256, which cost a tenth of a render:
     * a match only ever counts for the same session and address (see {@link #key}), where no one is forging one.
     */
    static String etag(byte[] plain) {
        CRC32C crc = new CRC32C();
        crc.update(plain);
        Adler32 adler = new Adler32();
        adler.update(plain);
        return '"' + Integer.toString(plain.length, 36) + '-' + Long.toString(crc.getValue() << 32 | adler.getValue(), 36) + '"';
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
