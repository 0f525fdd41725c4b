package io.paperlog.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Downloading an export, and importing a file through the two steps of the import page, as the tests need them. */
final class IoFixtures {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([A-Za-z0-9_-]{43})\"");

    private IoFixtures() {}

    static byte[] export(Client who) {
        HttpResponse<byte[]> zip = who.getBytes("/account/export");
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        return zip.body();
    }

    /** The files of a zip by name, as UTF-8 text. */
    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The preview page of {@code file}: a 200 whose confirm form carries a token. */
    static HttpResponse<String> preview(Client who, String name, byte[] file) {
        HttpResponse<String> page = who.upload("/account/import", "file", name, file, Map.of());
        assertEquals(200, page.statusCode(), page.body());
        return page;
    }

    static String token(HttpResponse<String> preview) {
        Matcher m = TOKEN.matcher(preview.body());
        if (!m.find()) {
            throw new AssertionError("no confirm token on the preview page:\n" + preview.body());
        }
        return m.group(1);
    }

    /** Previews then confirms {@code file}; returns the page that says what was imported. */
    static HttpResponse<String> importFile(Client who, String name, byte[] file) {
        String token = token(preview(who, name, file));
        HttpResponse<String> done = who.post("/account/import/confirm", Map.of("token", token));
        assertEquals(200, done.statusCode(), done.body());
        return done;
    }

    static long number(TestApp app, String sql, Object... args) {
        Object value = app.app().database().read().fetchValue(sql, args);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static String text(TestApp app, String sql, Object... args) {
        Object value = app.app().database().read().fetchValue(sql, args);
        return value == null ? null : value.toString();
    }
}
