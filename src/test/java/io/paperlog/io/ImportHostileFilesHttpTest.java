package io.paperlog.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.RawHttp;
import io.paperlog.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every hostile file is refused whole with a clear 4xx, and nothing stored changes. */
class ImportHostileFilesHttpTest {

    @TempDir
    static Path folder;
    static TestApp app;
    static Client ana;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        app.admin();
        ana = app.member("ana");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void hostileFilesAreRefusedWithNothingStored() throws IOException {
        String before = DatabaseDigest.of(app.databaseFile());
        refused(400, "not a zip archive", "export.zip", "hello, not a zip".getBytes(StandardCharsets.UTF_8));
        refused(422, "not UTF-8", "library.bib", new byte[] {'@', 'm', 'i', 's', 'c', '{', (byte) 0xC3, (byte) 0x28, '}'});
        refused(422, "BibTeX could not be read", "library.bib",
                "@article{key,\n  title = {Unclosed\n".getBytes(StandardCharsets.UTF_8));
        refused(422, "not valid JSON (line 1", "items.json", "[{\"title\": \"x\",]".getBytes(StandardCharsets.UTF_8));
        refused(422, "CSV could not be read", "library.csv",
                "title,status\n\"Unclosed quote,read\n".getBytes(StandardCharsets.UTF_8));
        refused(422, "NUL character", "library.csv", "title\nA\u0000B\n".getBytes(StandardCharsets.UTF_8));
        refused(422, "newer Paperlog (format version 2)", "export.zip",
                zip(Map.of("paperlog.json", "{\"format\": \"paperlog-export\", \"version\": 2}")));
        refused(422, "points outside the archive", "export.zip",
                zip(Map.of("../../x", "owned", "paperlog.json", "{}")));
        refused(422, "has no paperlog.json", "export.zip", zip(Map.of("notes/a.md", "hello")));
        refused(422, "shape of a version-1 export at people", "export.zip", zip(Map.of("paperlog.json",
                "{\"format\": \"paperlog-export\", \"version\": 1, \"exported_at\": \"2026-01-01T00:00:00Z\", "
                        + "\"scope\": \"person\", \"accounts\": [], \"instance_settings\": {}, \"papers\": [], "
                        + "\"people\": [{\"username\": 7, \"surprise\": true}]}")));
        refused(415, "none of them", "notes.txt", "just some words".getBytes(StandardCharsets.UTF_8));
        refused(422, "not UTF-8", "picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertEquals(before, DatabaseDigest.of(app.databaseFile()));
    }

    /** A zip of 30 MB of zeros weighs a few kilobytes: refused once it unpacks past its allowance. */
    @Test
    void aZipBombOrAZipOfManyFilesIsRefused() throws IOException {
        String before = DatabaseDigest.of(app.databaseFile());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("paperlog.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 30; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(bytes.size() < 100_000, "a small file: " + bytes.size());
        refused(413, "unpacks to far more than it weighs", "bomb.zip", bytes.toByteArray());

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i <= ImportFile.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("notes/" + i + ".md"));
                zip.closeEntry();
            }
        }
        refused(413, "more than 5000 files", "many.zip", many.toByteArray());
        assertEquals(before, DatabaseDigest.of(app.databaseFile()));
    }

    /** A 50 MB upload says so and is refused unread; one sent in chunks is cut at 20 MB. */
    @Test
    void anUploadOverTwentyMegabytesIsRefused() {
        String before = DatabaseDigest.of(app.databaseFile());
        int port = app.app().port();
        String head = "POST /account/import HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: multipart/form-data; boundary=zzz";
        byte[] start = ("--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.zip\"\r\n\r\nPK")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer declared = RawHttp.send(port, head + "\r\nContent-Length: 50000000", start);
        assertEquals(413, declared.status());
        assertTrue(declared.body().contains("larger than 20 MB"), declared.body());
        assertEquals("close", declared.headers().get("connection"));

        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        byte[] filler = new byte[1 << 20];
        chunk(chunked, start);
        for (int i = 0; i < 21; i++) {
            chunk(chunked, filler);
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer streamed = RawHttp.send(port, head + "\r\nTransfer-Encoding: chunked", chunked.toByteArray());
        assertEquals(413, streamed.status());
        assertEquals(before, DatabaseDigest.of(app.databaseFile()));
    }

    @Test
    void onlyTheImportTakesMultipart() {
        HttpResponse<String> elsewhere = ana.upload("/account/profile", "file", "x.csv", new byte[] {'x'}, Map.of());
        assertEquals(415, elsewhere.statusCode());
        HttpResponse<String> noFile = ana.post("/account/import", Map.of());
        assertEquals(422, noFile.statusCode());
        assertTrue(noFile.body().contains("Choose a file to import."));
        HttpResponse<String> stale = ana.post("/account/import/confirm", Map.of("token", "A".repeat(43)));
        assertEquals(410, stale.statusCode());
    }

    private static void refused(int status, String says, String name, byte[] file) {
        HttpResponse<String> answer = ana.upload("/account/import", "file", name, file, Map.of());
        assertEquals(status, answer.statusCode(), name + ": " + answer.body());
        assertTrue(answer.body().contains(says), name + " should say '" + says + "':\n" + answer.body());
        assertTrue(!answer.body().contains("Exception") && !answer.body().contains("at io.paperlog"), answer.body());
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, byte[] chunk) {
        out.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunk);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
