package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.RawHttp;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorPagesHttpTest {

    @TempDir
    Path folder;

    @Test
    void unexpectedFailureIsAGenericPageWithoutTheExceptionText() {
        try (TestApp app = TestApp.start(folder)) {
            var reader = app.admin();
            app.app().database().close(); // every query now fails inside a handler

            HttpResponse<String> response = reader.get("/papers/1");

            assertEquals(500, response.statusCode());
            String body = response.body();
            assertTrue(body.contains("Something went wrong on our side"));
            for (String leak : new String[] {"Exception", "SQL", "at io.paperlog", "jooq", "sqlite"}) {
                assertFalse(body.toLowerCase().contains(leak.toLowerCase()), "the page leaks " + leak);
            }
        }
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllowForAnyone() {
        try (TestApp app = TestApp.start(folder)) {
            var admin = app.admin();
            java.util.Map<String, String> token = java.util.Map.of("_csrf", admin.csrfToken());
            java.util.Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
            answers.put("signed in, with the token", admin.send("DELETE", "/papers/1", token, java.util.Map.of()));
            answers.put("signed in, without it", admin.send("PUT", "/papers/1", java.util.Map.of(), java.util.Map.of()));
            answers.put("a visitor", app.visitor().send("POST", "/papers/1", java.util.Map.of(), java.util.Map.of()));
            answers.forEach((who, response) -> {
                assertEquals(405, response.statusCode(), who);
                assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow(), who);
                assertTrue(response.body().contains("That method isn&#39;t allowed here"), who);
                assertFalse(response.body().contains("Exception"), who);
            });
            HttpResponse<String> getOnAPost = admin.get("/papers/1/status");
            assertEquals(405, getOnAPost.statusCode());
            assertEquals("POST", getOnAPost.headers().firstValue("Allow").orElseThrow());
            assertEquals("GET, HEAD, POST", admin.send("PATCH", "/login", token, java.util.Map.of()).headers()
                    .firstValue("Allow").orElseThrow());
            assertEquals(404, admin.send("DELETE", "/nowhere", token, java.util.Map.of()).statusCode());
        }
    }

    @Test
    void requestsJettyRefusesItselfGetTheSamePageWithoutDiagnostics() {
        try (TestApp app = TestApp.start(folder)) {
            HttpResponse<String> response = app.get("/static/%2e%2e/%2e%2e/pom.xml");
            assertEquals(400, response.statusCode());
            assertTrue(response.body().contains("That request didn&#39;t make sense"));
            assertFalse(response.body().contains("URI:"));
            assertFalse(response.body().contains("<artifactId>"), "nothing outside web/static is served");
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        }
    }

    @Test
    void jettysOwnRefusalsAreOurPageForEveryClientAndSayWhatWasWrong() {
        try (TestApp app = TestApp.start(folder)) {
            int port = app.app().port();
            for (String accept : new String[] {"application/json", "text/plain", "text/html", "*/*"}) {
                RawHttp.Answer badUtf8 = RawHttp.get(port, "/papers/%FF", "Accept: " + accept);
                assertEquals(400, badUtf8.status(), accept);
                assertTrue(badUtf8.headers().get("content-type").startsWith("text/html"), accept);
                assertTrue(badUtf8.body().contains("Paperlog could not read the request: Bad UTF-8 encoding."), accept);
                assertFalse(badUtf8.body().contains("\"message\""), accept);
            }
            for (String version : new String[] {"HTTP/1.2", "HTTP/3.0"}) {
                RawHttp.Answer answer = RawHttp.send(port, "GET / " + version + "\r\nHost: 127.0.0.1", new byte[0]);
                assertEquals(505, answer.status(), version);
                assertTrue(answer.body().contains("That version of HTTP isn&#39;t supported"), version);
                assertFalse(answer.body().contains("Something went wrong on our side"), version);
            }
        }
    }

    @Test
    void anInPlaceRefusalIsTheErrorFragmentNotAPage() {
        try (TestApp app = TestApp.start(folder)) {
            var reader = app.admin();
            HttpResponse<String> missing = reader.send("POST", "/papers/4242/status",
                    java.util.Map.of("_csrf", reader.csrfToken(), "status", "read"), java.util.Map.of("X-Fragment", "row"));
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().startsWith("<p class=\"notice notice--error\" role=\"alert\">There is no paper 4242."),
                    missing.body());
            assertFalse(missing.body().contains("<html"));
        }
    }
}
