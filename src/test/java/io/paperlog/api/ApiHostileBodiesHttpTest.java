package io.paperlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.MutableClock;
import io.paperlog.testing.RawHttp;
import io.paperlog.testing.StandardError;
import io.paperlog.testing.TestApp;
import io.paperlog.web.Router;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every body a script or an attacker might send to every writing route of the API, with a write token: malformed,
 * huge, of the wrong types, deeply nested, not UTF-8, not JSON at all. Each is a 4xx problem document the OpenAPI
 * document describes, never a 5xx or a stack trace, and nothing stored changes.
 */
class ApiHostileBodiesHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static ApiClient writer;
    /** One write token per route, each used once already, so no route's bodies meet the rate limit's 429 first. */
    static Map<Router.Route, ApiClient> writers = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        // A clock that stands still: buckets do not refill and tokens' last-used times do not move between digests.
        app = TestApp.start(folder, MutableClock.startingNow());
        writer = ApiClient.of(app, app.admin(), "write");
        for (Router.Route route : writingRoutes()) {
            ApiClient client = ApiClient.of(app, app.admin(), "write");
            client.get("/api/v1/papers/1");
            writers.put(route, client);
        }
        writer.send("PUT", "/api/v1/papers/1/note", "{\"body\": \"kept\", \"base_revision\": 0}");
        writer.send("POST", "/api/v1/lists", "{\"name\": \"Kept\"}");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String text : List.of("", " ", "null", "[]", "\"read\"", "42", "{", "{\"status\": }", "{'status': 'read'}",
                "{\"status\": \"read\"} trailing", "{\"status\": \"read\", \"status\": \"want\"}",
                "{\"status\": 5}", "{\"status\": [\"read\"]}", "{\"status\": {\"$gt\": \"\"}}", "{\"status\": true}",
                "{\"body\": 1, \"base_revision\": \"0\"}", "{\"base_revision\": 1e400}", "{\"base_revision\": -1}",
                "{\"base_revision\": 99999999999999999999}", "{\"base_revision\": 1.5}", "{\"rating\": \"NaN\"}",
                "{\"rating\": 1e308}", "{\"paper_id\": \"1\"}", "{\"paper_id\": 0}", "{\"item_ids\": [\"1\"], \"version\": 1}",
                "{\"item_ids\": [1.5], \"version\": 1}", "{\"tags\": \"a,b\"}", "{\"tags\": [\"a,b\"]}",
                "{\"exact\": \"x\\u0000y\"}", "{\"x\\u0000\": 1}", "{\"unknown\": 1}", "{\"__proto__\": {\"admin\": true}}",
                "{\"name\": \"" + "n".repeat(200) + "\"}", "{\"body\": \"" + "b".repeat(100_001) + "\", \"base_revision\": 0}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(100) + "1" + "}".repeat(100))) {
            bodies.put(text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text,
                    text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.put("a lone surrogate", "{\"body\": \"\\ud800\", \"base_revision\": 0}".getBytes(StandardCharsets.UTF_8));
        bodies.put("UTF-16", "{\"status\": \"read\"}".getBytes(StandardCharsets.UTF_16));
        return bodies;
    }

    @Test
    void everyHostileBodyToEveryWritingRouteIsA4xxProblem() throws Exception {
        String before = DatabaseDigest.of(app.databaseFile());
        List<String> failures = new ArrayList<>();
        int[] sent = {0};
        String log = StandardError.during(() -> {
            for (Router.Route route : writingRoutes()) {
                String path = route.path().replace("{id}", "1").replaceAll("\\{[^}]+}", "999");
                for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
                    HttpResponse<String> answer = writers.get(route).sendBytes(route.method(), path, "application/json", body.getValue());
                    sent[0]++;
                    if (answer.statusCode() < 400 || answer.statusCode() >= 500 || answer.body().contains("Exception")) {
                        failures.add(route + " with " + body.getKey() + ": " + answer.statusCode() + " " + answer.body());
                    }
                }
            }
        });
        assertTrue(sent[0] > 300, "sent " + sent[0]);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, DatabaseDigest.of(app.databaseFile()), "nothing stored changed");
        assertFalse(log.contains("\tat "), "no stack trace in the log:\n" + log);
    }

    static List<Router.Route> writingRoutes() {
        return app.app().routes().stream().filter(route -> route.path().startsWith("/api/")
                && !route.method().equals("GET") && !route.method().equals("DELETE")).toList();
    }

    @Test
    void aRefusalBeforeTheBodyIsReadStillLetsTheClientSendItAndReadTheAnswer() {
        ApiClient limited = ApiClient.of(app, app.admin(), "write");
        for (int i = 0; i < RateLimit.BURST; i++) {
            limited.get("/api/v1/papers/1");
        }
        byte[] body = ("{\"body\": \"" + "b".repeat(1_500_000) + "\", \"base_revision\": 0}").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = limited.sendBytes("PUT", "/api/v1/papers/1/note", "application/json", body);
            assertEquals(429, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void theBodyMustBeJson() {
        byte[] form = "status=read".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "application/xml",
                "application/json; charset=iso-8859-1")) {
            assertEquals(415, writer.sendBytes("PUT", "/api/v1/papers/2/status", type, form).statusCode(), type);
        }
        assertEquals(200, writer.sendBytes("PUT", "/api/v1/papers/2/status", "application/json; charset=UTF-8",
                "{\"status\": \"want\"}".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void aHugeOrMultipartBodyIsRefusedUnreadAsAProblem() {
        int port = app.app().port();
        String head = "PUT /api/v1/papers/1/note HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                + writer.token;
        RawHttp.Answer declared = RawHttp.send(port, head + "\r\nContent-Type: application/json\r\nContent-Length: 40000000",
                "{\"body\": \"".getBytes(StandardCharsets.UTF_8));
        assertEquals(413, declared.status());
        assertTrue(declared.headers().get("content-type").startsWith("application/problem+json"));
        OpenApiContract.check("PUT", "/api/v1/papers/1/note", declared.status(), declared.headers().get("content-type"),
                declared.body());

        RawHttp.Answer multipart = RawHttp.send(port, head + "\r\nContent-Type: multipart/form-data; boundary=z"
                + "\r\nContent-Length: 10", "--z--\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, multipart.status());
        assertTrue(multipart.headers().get("content-type").startsWith("application/problem+json"));
    }

    /**
     * (A request line Jetty cannot parse at all, like {@code %zz}, is refused before anyone knows its path: that 400
     * is the error page, as for any address.)
     */
    @Test
    void malformedAddressesUnderTheApiAreProblemsToo() {
        for (String path : List.of("/api/v1/papers/%u0031", "/api/v1/papers/%FF", "/api/v1/lists/1/items/%C0%AF",
                "/api/v1/papers/" + "9".repeat(40))) {
            RawHttp.Answer answer = RawHttp.get(app.app().port(), path, "Authorization: Bearer " + writer.token);
            assertTrue(answer.status() >= 400 && answer.status() < 500, path + " " + answer.status());
            assertTrue(answer.headers().getOrDefault("content-type", "").startsWith("application/problem+json"),
                    path + " " + answer.headers() + answer.body());
        }
        for (String query : List.of("page=0", "page=x", "per_page=101", "sort=evil", "status=gone", "rated=maybe")) {
            assertEquals(400, writer.get("/api/v1/papers?" + query).statusCode(), query);
        }
    }
}
