package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.RawHttp;
import io.paperlog.testing.StandardError;
import io.paperlog.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the route table, with values no browser sends in every path parameter, as a visitor, a member and
 * the admin, each with a valid CSRF token so that the request reaches its handler: never an answer of 500 or more,
 * never a stack trace in the answer or the log, and nothing stored changes. And the other hostile requests of the
 * route-layer issue: bodies over the limit, method overrides, forged Host headers.
 */
class HostileRequestsHttpTest {

    /** Raw, as they go on the wire: malformed and overlong escapes, huge and non-ASCII values, traversal. */
    static final List<String> VALUES = List.of("%u0031", "%uD800", "%FF", "%C0%AF", "%", "%2", "%zz", "9".repeat(40),
            "-1", "0", "1e3", "a".repeat(3000), "%C3%A9t%C3%A9", "%F0%9F%93%84", "%E2%80%AE1", "..%2F..%2Fetc",
            "%2e%2e", "1;x=y", "%00", "%0d%0aSet-Cookie:x=y");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client member;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        app.admin();
        member = app.member("mallory");
        assertEquals(303, member.post("/papers/1/note", Map.of("body", "kept", "base_revision", "0")).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Who sends the hostile requests: a visitor (with the token its pages carry), a member and the admin. */
    record Sender(String name, List<String> headers) {}

    /** A script with a write token: what reaches the API's handlers (which take no cookie). */
    static Sender script(Client client) {
        String authorization = "Authorization: Bearer " + client.apiToken("hostile", "write", "7");
        assertEquals(200, RawHttp.get(app.app().port(), "/api/v1/me", authorization).status(), "used once, so that "
                + "its last-used time is written before the walk, not during it");
        return new Sender("a write token", List.of(authorization));
    }

    static Sender sender(String name, Client client) {
        String token = client.csrfToken();
        String cookies = client.isLoggedIn() ? "paperlog_session=" + client.cookie("paperlog_session").orElseThrow()
                : "paperlog_csrf=" + client.cookie("paperlog_csrf").orElseThrow();
        return new Sender(name, List.of("Cookie: " + cookies, "X-CSRF-Token: " + token));
    }

    @Test
    void everyPathParameterOfEveryRouteAnswersBelow500WithoutAStackTraceOrAChange() throws Exception {
        List<Sender> senders = List.of(sender("a visitor", app.visitor()), sender("a member", member),
                sender("the admin", app.admin()), script(member));
        String before = DatabaseDigest.of(app.databaseFile());
        List<String> failures = new ArrayList<>();
        int[] sent = {0};
        String log = StandardError.during(() -> {
            for (Router.Route route : app.app().routes()) {
                if (!route.path().contains("{")) {
                    continue;
                }
                for (String value : VALUES) {
                    String path = route.path().replaceAll("\\{[^}]+}", value);
                    for (Sender sender : senders) {
                        check(failures, route, path, sender);
                        sent[0]++;
                    }
                }
            }
        });
        assertTrue(sent[0] > 1000, "requests sent: " + sent[0]);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, DatabaseDigest.of(app.databaseFile()), "nothing stored changed");
        assertFalse(log.contains("\tat "), "no stack trace in the log:\n" + log);
        assertFalse(log.contains("Exception"), "no exception in the log:\n" + log);
    }

    /** A form that every handler could act on, if it let the path through: a status, a note, a rating, a reply. */
    static final String EVERY_FIELD = "status=read&body=changed&base_revision=1&rating=3&revision=1&colour=pink"
            + "&visibility=team&display_name=Changed&open_signup=on&resolved=true";

    /** The same, as the API's JSON. */
    static final String EVERY_MEMBER = "{\"status\": \"read\", \"body\": \"changed\", \"base_revision\": 1, "
            + "\"rating\": 3, \"colour\": \"pink\", \"visibility\": \"team\", \"name\": \"Changed\"}";

    private static void check(List<String> failures, Router.Route route, String path, Sender sender) {
        boolean api = route.path().startsWith("/api/");
        String body = route.method().equals("GET") ? "" : api ? EVERY_MEMBER : EVERY_FIELD;
        List<String> headers = new ArrayList<>(sender.headers());
        headers.add("Content-Type: " + (api ? "application/json" : "application/x-www-form-urlencoded"));
        headers.add("Content-Length: " + body.length());
        RawHttp.Answer answer = RawHttp.send(app.app().port(), route.method() + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + app.app().port() + RawHttp.headerLines(headers.toArray(String[]::new)), body.getBytes(StandardCharsets.UTF_8));
        if (answer.status() >= 500 || answer.body().contains("Exception") || answer.body().contains("\tat ")) {
            failures.add(route + " " + path.substring(0, Math.min(80, path.length())) + " as " + sender.name() + ": "
                    + answer.status());
        }
    }

    @Test
    void malformedEscapesAreA400PageThatSaysSo() {
        for (String path : List.of("/papers/%u0031", "/invite/%u0041bc", "/reset/%u0041", "/annotations/%uD800")) {
            RawHttp.Answer answer = RawHttp.get(app.app().port(), path);
            assertEquals(400, answer.status(), path);
            assertTrue(answer.body().contains("malformed %-escape"), path);
        }
    }

    @Test
    void aMethodOverrideHeaderIsIgnored() {
        Client reader = app.member("overrider");
        String token = reader.csrfToken();
        Map<String, String> override = Map.of("X-HTTP-Method-Override", "POST", "X-CSRF-Token", token);
        assertEquals(405, reader.send("GET", "/logout", Map.of(), override).statusCode());
        assertEquals(405, reader.send("GET", "/papers/2/status", Map.of("status", "read"), override).statusCode());
        assertEquals(200, reader.get("/account").statusCode(), "still signed in");
        assertEquals(0, ((Number) app.app().database().read()
                .fetchValue("SELECT count(*) FROM reading_status WHERE paper_id = 2")).intValue());
    }

    @Test
    void aBodyOverTwoMegabytesOrAnUploadIsRefusedWithoutBeingRead() {
        String before = DatabaseDigest.of(app.databaseFile());
        int port = app.app().port();
        String head = "POST /papers/1/status HTTP/1.1\r\nHost: 127.0.0.1:" + port;
        byte[] start = ("--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big\"\r\n\r\n"
                + "x".repeat(40_000)).getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer declared = RawHttp.send(port, head + "\r\nContent-Type: multipart/form-data; boundary=zzz"
                + "\r\nContent-Length: 40000000", start);
        assertEquals(413, declared.status());
        assertTrue(declared.body().contains("up to 2 MB"));
        assertEquals("close", declared.headers().get("connection"), "the rest of the body is never read");

        RawHttp.Answer chunkedUpload = RawHttp.send(port, head + "\r\nContent-Type: multipart/form-data; boundary=zzz"
                + "\r\nTransfer-Encoding: chunked", chunked(start, 100));
        assertEquals(415, chunkedUpload.status());
        assertEquals("close", chunkedUpload.headers().get("connection"));

        RawHttp.Answer chunkedForm = RawHttp.send(port, head + "\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nTransfer-Encoding: chunked", chunked("status=".getBytes(StandardCharsets.UTF_8), 100));
        assertEquals(413, chunkedForm.status(), "a form sent in chunks is read up to the limit, then refused");
        assertEquals(before, DatabaseDigest.of(app.databaseFile()));
    }

    /** {@code first} and then {@code copies} chunks of 40,000 bytes, in chunked transfer encoding: 4 MB in all. */
    private static byte[] chunked(byte[] first, int copies) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(first);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] filler = "y".repeat(40_000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < copies; i++) {
            body.writeBytes((Integer.toHexString(filler.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(filler);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    @Test
    void linksAreNeverBuiltOnAHostTheClientMadeUp() {
        String cookie = "paperlog_session=" + app.admin().cookie("paperlog_session").orElseThrow();
        String token = app.admin().csrfToken();
        int port = app.app().port();
        for (String host : List.of("evil.example", "evil.example:" + port, "localhost:1", "127.0.0.1.evil.example:" + port)) {
            RawHttp.Answer answer = RawHttp.send(port, "POST /admin/invites HTTP/1.1\r\nHost: " + host
                    + RawHttp.headerLines("Cookie: " + cookie, "X-CSRF-Token: " + token, "Content-Length: 0"), new byte[0]);
            assertEquals(201, answer.status(), host);
            assertTrue(answer.body().contains("value=\"http://127.0.0.1:" + port + "/invite/"), host);
            assertFalse(answer.body().contains("evil.example"), host);
        }
        RawHttp.Answer loopback = RawHttp.send(port, "POST /admin/invites HTTP/1.1\r\nHost: localhost:" + port
                + RawHttp.headerLines("Cookie: " + cookie, "X-CSRF-Token: " + token, "Content-Length: 0"), new byte[0]);
        assertTrue(loopback.body().contains("value=\"http://localhost:" + port + "/invite/"), "a loopback name is kept");
    }

    @Test
    void aConfiguredBaseUrlIsWhatLinksAreBuiltOn(@TempDir Path other) {
        URI base = URI.create("https://papers.example.org/");
        try (TestApp proxied = TestApp.start(other, Clock.systemUTC(), config -> config.withBaseUrl(base))) {
            String page = proxied.admin().post("/admin/invites", Map.of()).body();
            assertTrue(page.contains("value=\"https://papers.example.org/invite/"), page);
            String phrase = proxied.app().database().read()
                    .fetchValue("SELECT substr(abstract, 1, 12) FROM paper WHERE id = 1").toString();
            assertEquals(303, proxied.admin().post("/papers/1/annotations", Map.of("start", "0", "end", "12",
                    "exact", phrase)).statusCode());
            String jsonLd = proxied.admin().get("/annotations.jsonld").body();
            assertTrue(jsonLd.contains("\"id\": \"https://papers.example.org/annotations.jsonld\""), jsonLd);
        }
    }
}
