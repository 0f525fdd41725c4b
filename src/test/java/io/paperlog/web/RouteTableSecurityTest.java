package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.accounts.SessionFilter;
import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.TestApp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the application's own route table, so every route added later is covered without anyone listing it:
 * no state change without the session's CSRF token, and nothing but the public pages for a visitor.
 */
class RouteTableSecurityTest {

    private static final String SOME_TOKEN = "A".repeat(43);

    @TempDir
    static Path folder;

    static TestApp app;
    static Client member;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        app.admin();
        member = app.member("bob");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void routeTableIsNotEmpty() {
        List<Router.Route> routes = app.app().routes();
        assertTrue(routes.size() > 10, routes.toString());
        assertTrue(routes.contains(new Router.Route("POST", "/login")));
    }

    /**
     * Walked as the admin, who may use every route, so that a 403 can only come from the CSRF check (a member
     * would get 403 from the admin routes' own check, token or not); the page must say it is the token.
     */
    @Test
    void everyStateChangingRouteRefusesARequestWithoutTheCsrfToken() throws Exception {
        Client admin = app.admin();
        List<String> checked = new ArrayList<>();
        for (Router.Route route : app.app().routes()) {
            if (route.method().equals("GET") || route.method().equals("HEAD")) {
                continue;
            }
            String path = concrete(route.path());
            String before = databaseDigest();

            Map<String, HttpResponse<String>> attempts = new java.util.LinkedHashMap<>();
            attempts.put("without a token", admin.send(route.method(), path, Map.of("x", "1"), Map.of()));
            attempts.put("with a wrong token", admin.send(route.method(), path, Map.of("_csrf", SOME_TOKEN), Map.of()));
            attempts.put("with a wrong header", admin.send(route.method(), path, Map.of(),
                    Map.of("X-CSRF-Token", SOME_TOKEN)));
            attempts.put("as an in-place request", admin.send(route.method(), path, Map.of("status", "read"),
                    Map.of("X-Fragment", "panel")));
            attempts.put("as JSON", admin.sendRaw(route.method(), path, "application/json",
                    "{\"_csrf\": \"" + SOME_TOKEN + "\", \"status\": \"read\"}", Map.of()));
            attempts.put("as text/plain", admin.sendRaw(route.method(), path, "text/plain",
                    "_csrf=" + SOME_TOKEN, Map.of()));
            if (route.path().startsWith("/api/")) {
                // the API reads no cookie at all: a signed-in browser is a stranger there, right token or not
                attempts.put("with the right token", admin.send(route.method(), path, Map.of("_csrf", admin.csrfToken()),
                        Map.of("X-CSRF-Token", admin.csrfToken())));
                attempts.forEach((how, response) -> {
                    assertEquals(401, response.statusCode(), route + " " + how);
                    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE));
                });
            } else {
                attempts.forEach((how, response) -> {
                    assertEquals(403, response.statusCode(), route + " " + how);
                    assertTrue(response.body().contains("did not come from Paperlog"), route + " " + how
                            + " was refused, but not for its token");
                });
            }
            assertEquals(before, databaseDigest(), route + " changed the database without a token");
            checked.add(route.toString());
        }
        assertTrue(checked.size() >= 10, "state-changing routes checked: " + checked);
    }

    @Test
    void everyNonPublicRouteRefusesAVisitor() {
        Client visitor = app.visitor();
        String visitorToken = visitor.csrfToken();
        for (Router.Route route : app.app().routes()) {
            String path = concrete(route.path());
            if (SessionFilter.isPublic(path)) {
                continue;
            }
            if (route.path().startsWith("/api/")) {
                HttpResponse<String> answer = visitor.send(route.method(), path, Map.of("_csrf", visitorToken), Map.of());
                assertEquals(route.path().equals("/api/openapi.json") ? 200 : 401, answer.statusCode(), route.toString());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").contains("json"), route.toString());
                continue;
            }
            HttpResponse<String> response = route.method().equals("GET")
                    ? visitor.get(path)
                    : visitor.send(route.method(), path, Map.of("_csrf", visitorToken), Map.of());
            if (route.method().equals("GET")) {
                assertEquals(303, response.statusCode(), route.toString());
                assertTrue(URI.create(response.headers().firstValue("Location").orElseThrow()).getPath().equals("/login"),
                        route.toString());
            } else {
                assertEquals(401, response.statusCode(), route.toString());
                assertFalse(response.body().contains("Exception"));
            }
        }
    }

    @Test
    void loginAndFirstAccountFormsAreProtectedToo() {
        Client visitor = app.visitor();
        HttpResponse<String> login = visitor.postWithoutCsrf("/login", Map.of("username", "admin", "password", TestApp.PASSWORD));
        assertEquals(403, login.statusCode());
        assertFalse(visitor.isLoggedIn());
    }

    @Test
    void aTokenFromAnotherSessionDoesNotWork() {
        String bobsToken = member.csrfToken();
        Client admin = app.admin();
        HttpResponse<String> response = admin.send("POST", "/admin/invites", Map.of("_csrf", bobsToken), Map.of());
        assertEquals(403, response.statusCode());
    }

    @Test
    void everyPageAndFormCarriesTheToken() {
        String token = member.csrfToken();
        String page = member.get("/account").body();
        assertTrue(page.contains("<meta name=\"csrf-token\" content=\"" + token + "\">"));
        int forms = page.split("<form").length - 1;
        int postForms = page.split("<form[^>]*method=\"post\"").length - 1;
        int tokens = page.split("name=\"_csrf\" value=\"" + token + "\"").length - 1;
        assertTrue(postForms > 0 && forms > postForms, "the page has the header's search (a GET form) and POST forms");
        assertEquals(postForms, tokens, "every POST form has a hidden _csrf field, and no GET form puts it in an address");
    }

    private static String concrete(String routePath) {
        return routePath.replace("{id}", "1").replace("{token}", SOME_TOKEN).replace("{action}", "promote")
                .replaceAll("\\{[^}]+}", "1").replace("<", "").replace(">", "");
    }

    private static String databaseDigest() {
        return DatabaseDigest.of(app.databaseFile());
    }
}
