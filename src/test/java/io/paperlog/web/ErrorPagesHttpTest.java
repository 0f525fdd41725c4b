package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void methodNotAllowedIsAPageNotAStackTrace() {
        try (TestApp app = TestApp.start(folder)) {
            HttpResponse<String> response = app.admin().send("DELETE", "/papers/1", java.util.Map.of("_csrf",
                    app.admin().csrfToken()), java.util.Map.of());
            assertTrue(response.statusCode() == 404 || response.statusCode() == 405, "got " + response.statusCode());
            assertFalse(response.body().contains("Exception"));
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
}
