package io.paperlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.MutableClock;
import io.paperlog.testing.TestApp;
import io.paperlog.web.Router;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what through the API, as a script with a token would find out: read tokens cannot write by any route,
 * another person's token sees nothing private of mine, list roles hold as on the pages, a revoked, expired or
 * deactivated person's token is refused at once, cookies open nothing, and each token has its rate limit.
 */
class ApiAccessHttpTest {

    @TempDir
    static Path folder;

    static MutableClock clock = MutableClock.startingNow();
    static TestApp app;
    static Client ada;
    static Client bea;
    static Client cy;
    static ApiClient adaWrite;
    static ApiClient adaRead;
    static ApiClient beaWrite;
    static ApiClient cyWrite;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder, clock);
        ada = app.admin();
        bea = app.member("bea");
        cy = app.member("cyril");
        adaWrite = ApiClient.of(app, ada, "write");
        adaRead = ApiClient.of(app, ada, "read");
        beaWrite = ApiClient.of(app, bea, "write");
        cyWrite = ApiClient.of(app, cy, "write");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode ok(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.request().method() + " " + response.uri() + "\n"
                + response.body());
        return response.body().isEmpty() ? null : ApiClient.JSON.readTree(response.body());
    }

    static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "1");
    }

    @Test
    void aReadTokenCannotWriteThroughAnyRoute() {
        ok(adaWrite.send("PUT", "/api/v1/papers/1/note", "{\"body\": \"mine\", \"base_revision\": 0}"), 200);
        ok(adaWrite.send("POST", "/api/v1/lists", "{\"name\": \"Mine\"}"), 201);
        ok(adaRead.get("/api/v1/me"), 200); // its last-used time is written now, not during the walk
        String before = DatabaseDigest.of(app.databaseFile());
        List<String> walked = new ArrayList<>();
        for (Router.Route route : app.app().routes()) {
            if (!route.path().startsWith("/api/")) {
                continue;
            }
            String path = concrete(route.path());
            HttpResponse<String> response = adaRead.send(route.method(), path,
                    route.method().equals("GET") ? null : "{\"status\": \"read\", \"body\": \"x\", \"base_revision\": 1}");
            if (route.method().equals("GET")) {
                assertTrue(response.statusCode() < 500, route + " " + response.statusCode());
            } else {
                assertEquals(403, response.statusCode(), route.toString());
                assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"));
            }
            walked.add(route.toString());
        }
        assertTrue(walked.size() >= 20, walked.toString());
        assertEquals(before, DatabaseDigest.of(app.databaseFile()), "a read token changed nothing");
    }

    @Test
    void anotherPersonsTokenSeesNothingPrivateOfMine() {
        ok(adaWrite.send("PUT", "/api/v1/papers/5/note", "{\"body\": \"secret thoughts\", \"base_revision\": 0}"), 200);
        ok(adaWrite.send("PUT", "/api/v1/papers/5/status", "{\"status\": \"reading\"}"), 200);
        JsonNode privateOne = ok(adaWrite.send("POST", "/api/v1/papers/5/annotations",
                "{\"exact\": \"" + phrase(5) + "\", \"body\": \"private remark\"}"), 201);
        String privateId = privateOne.get("id").asString().replaceAll(".*/", "");
        JsonNode privateList = ok(adaWrite.send("POST", "/api/v1/lists", "{\"name\": \"Private reading\"}"), 201);

        JsonNode note = ok(beaWrite.get("/api/v1/papers/5/note"), 200);
        assertEquals("", note.get("body").asString(), "bea gets her own (empty) note, never mine");
        assertEquals("none", ok(beaWrite.get("/api/v1/papers/5/reading"), 200).get("status").asString());
        assertTrue(ok(beaWrite.get("/api/v1/reading"), 200).isEmpty());
        assertEquals(404, beaWrite.get("/api/v1/annotations/" + privateId).statusCode());
        assertEquals(0, ok(beaWrite.get("/api/v1/papers/5/annotations"), 200).get("total").asInt());
        assertEquals(404, beaWrite.send("PUT", "/api/v1/annotations/" + privateId, "{\"body\": \"mine now\"}").statusCode());
        assertEquals(404, beaWrite.send("DELETE", "/api/v1/annotations/" + privateId, null).statusCode());
        String listId = privateList.get("id").asString();
        assertEquals(404, beaWrite.get("/api/v1/lists/" + listId).statusCode());
        assertFalse(beaWrite.get("/api/v1/lists").body().contains("Private reading"));
        assertEquals(404, beaWrite.send("POST", "/api/v1/lists/" + listId + "/items", "{\"paper_id\": 2}").statusCode());
        assertEquals("secret thoughts", ok(adaWrite.get("/api/v1/papers/5/note"), 200).get("body").asString());
    }

    @Test
    void aSharedAnnotationIsSeenByTeammatesButChangedOnlyByItsAuthor() {
        JsonNode shared = ok(adaWrite.send("POST", "/api/v1/papers/6/annotations",
                "{\"exact\": \"" + phrase(6) + "\", \"visibility\": \"team\", \"tags\": [\"method\"], \"colour\": \"blue\"}"), 201);
        String id = shared.get("id").asString().replaceAll(".*/", "");
        assertEquals("hl--blue", ok(beaWrite.get("/api/v1/annotations/" + id), 200).at("/target/styleClass").asString());
        assertEquals(403, beaWrite.send("PUT", "/api/v1/annotations/" + id, "{\"body\": \"hijacked\"}").statusCode());
        assertEquals(403, beaWrite.send("DELETE", "/api/v1/annotations/" + id, null).statusCode());
        JsonNode changed = ok(adaWrite.send("PUT", "/api/v1/annotations/" + id,
                "{\"body\": \"LSH **matters**\", \"colour\": \"pink\", \"visibility\": \"team\", \"tags\": [\"a\", \"b\"]}"), 200);
        assertEquals("commenting", changed.get("motivation").asString());
        assertEquals(3, changed.get("body").size());
        ok(adaWrite.send("DELETE", "/api/v1/annotations/" + id, null), 204);
        assertEquals(404, adaWrite.get("/api/v1/annotations/" + id).statusCode());
    }

    @Test
    void listRolesHoldAsOnThePages() {
        JsonNode list = ok(adaWrite.send("POST", "/api/v1/lists", "{\"name\": \"Group\", \"visibility\": \"members\"}"), 201);
        String id = list.get("id").asString();
        assertEquals(303, ada.post("/lists/" + id + "/members", Map.of("username", "bea", "role", "viewer")).statusCode());
        JsonNode item = ok(adaWrite.send("POST", "/api/v1/lists/" + id + "/items", "{\"paper_id\": 7, \"note\": \"start here\"}"), 201);
        String itemId = item.get("id").asString();

        assertEquals("viewer", ok(beaWrite.get("/api/v1/lists/" + id), 200).get("role").asString());
        assertEquals(403, beaWrite.send("POST", "/api/v1/lists/" + id + "/items", "{\"paper_id\": 8}").statusCode());
        assertEquals(403, beaWrite.send("DELETE", "/api/v1/lists/" + id + "/items/" + itemId, null).statusCode());
        assertEquals(404, cyWrite.get("/api/v1/lists/" + id).statusCode(), "an outsider learns nothing");
        assertEquals(404, cyWrite.send("PUT", "/api/v1/lists/" + id + "/items/" + itemId + "/note", "{\"note\": \"x\"}")
                .statusCode());

        assertEquals(303, ada.post("/lists/" + id + "/members", Map.of("username", "bea", "role", "editor")).statusCode());
        ok(beaWrite.send("POST", "/api/v1/lists/" + id + "/items", "{\"paper_id\": 8}"), 201);
        JsonNode now = ok(beaWrite.get("/api/v1/lists/" + id), 200);
        String first = now.at("/items/0/id").asString();
        String second = now.at("/items/1/id").asString();
        int version = now.get("version").asInt();
        JsonNode reordered = ok(beaWrite.send("PUT", "/api/v1/lists/" + id + "/order", "{\"item_ids\": [" + second + ", "
                + first + "], \"version\": " + version + "}"), 200);
        assertEquals(8, reordered.at("/items/0/paper_id").asInt());
        assertEquals(409, adaWrite.send("PUT", "/api/v1/lists/" + id + "/order", "{\"item_ids\": [" + first + ", "
                + second + "], \"version\": " + version + "}").statusCode(), "an order from an older version");
        assertEquals(409, adaWrite.send("POST", "/api/v1/lists/" + id + "/items", "{\"paper_id\": 8}").statusCode());
        assertEquals("why", ok(adaWrite.send("PUT", "/api/v1/lists/" + id + "/items/" + itemId + "/note",
                "{\"note\": \"why\"}"), 200).get("note").asString());
    }

    @Test
    void aNoteConflictIsA409CarryingTheStoredNote() {
        ok(cyWrite.send("PUT", "/api/v1/papers/9/note", "{\"body\": \"first 📄 $x^2$\", \"base_revision\": 0}"), 200);
        JsonNode second = ok(cyWrite.send("PUT", "/api/v1/papers/9/note", "{\"body\": \"second\", \"base_revision\": 1}"), 200);
        assertEquals(2, second.get("revision").asInt());
        JsonNode conflict = ok(cyWrite.send("PUT", "/api/v1/papers/9/note", "{\"body\": \"stale tab\", \"base_revision\": 1}"), 409);
        assertEquals("second", conflict.at("/current/body").asString());
        assertEquals(2, conflict.at("/current/revision").asInt());
        assertEquals("second", ok(cyWrite.get("/api/v1/papers/9/note"), 200).get("body").asString());
        JsonNode rated = ok(cyWrite.send("PUT", "/api/v1/papers/9/rating", "{\"rating\": 4.5}"), 200);
        assertEquals(4.5, rated.get("rating").asDouble());
        assertTrue(ok(cyWrite.send("PUT", "/api/v1/papers/9/rating", "{\"rating\": null}"), 200).get("rating").isNull());
        assertEquals(422, cyWrite.send("PUT", "/api/v1/papers/9/rating", "{\"rating\": 4.25}").statusCode());
        JsonNode dates = ok(cyWrite.send("PUT", "/api/v1/papers/9/status",
                "{\"status\": \"read\", \"started_on\": \"2026-01-02\", \"finished_on\": \"2026-01-10\"}"), 200);
        assertEquals("2026-01-02", dates.get("started_on").asString());
        assertEquals(422, cyWrite.send("PUT", "/api/v1/papers/9/status",
                "{\"status\": \"read\", \"finished_on\": \"2025-01-01\"}").statusCode());
        assertEquals("read", ok(cyWrite.get("/api/v1/reading/events"), 200).at("/0/to").asString());
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        String token = ApiClient.create(bea, "to revoke", "write", "7");
        ApiClient doomed = new ApiClient(app, token);
        ok(doomed.get("/api/v1/me"), 200);
        long id = ((Number) app.app().database().read().fetchValue(
                "SELECT id FROM api_token WHERE name = 'to revoke'")).longValue();
        assertEquals(303, bea.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode());
        HttpResponse<String> refused = doomed.get("/api/v1/me");
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));
    }

    @Test
    void anotherPersonCannotRevokeMyToken() {
        String token = ApiClient.create(bea, "keep", "read", "30");
        long id = ((Number) app.app().database().read().fetchValue(
                "SELECT id FROM api_token WHERE name = 'keep'")).longValue();
        cy.post("/account/tokens/" + id + "/revoke", Map.of());
        ok(new ApiClient(app, token).get("/api/v1/me"), 200);
    }

    @Test
    void anExpiredTokenAndADeactivatedPersonsTokenAreRefused(@TempDir Path other) {
        MutableClock time = MutableClock.startingNow();
        try (TestApp second = TestApp.start(other, time)) {
            Client dan = second.member("dan");
            ApiClient week = new ApiClient(second, ApiClient.create(dan, "a week", "read", "7"));
            ApiClient year = new ApiClient(second, ApiClient.create(dan, "a year", "read", "365"));
            ok(week.get("/api/v1/me"), 200);
            time.advance(Duration.ofDays(7).plusSeconds(1));
            assertEquals(401, week.get("/api/v1/me").statusCode(), "expired");
            ok(year.get("/api/v1/me"), 200);
            assertTrue(dan.get("/account/tokens").body().contains("(expired)"));
            long danId = ((Number) second.app().database().read()
                    .fetchValue("SELECT id FROM account WHERE username = 'dan'")).longValue();
            assertEquals(303, second.admin().post("/admin/accounts/" + danId + "/deactivate", Map.of()).statusCode());
            assertEquals(401, year.get("/api/v1/me").statusCode(), "a deactivated account's tokens stop");
        }
    }

    @Test
    void cookiesOpenNothingAndCannotWrite() {
        String before = DatabaseDigest.of(app.databaseFile());
        String csrf = ada.csrfToken();
        HttpResponse<String> read = ApiClient.checked("GET", ada.get("/api/v1/me"));
        assertEquals(401, read.statusCode());
        HttpResponse<String> write = ApiClient.checked("PUT", ada.sendRaw("PUT", "/api/v1/papers/3/status",
                "application/json", "{\"status\": \"read\"}", Map.of("X-CSRF-Token", csrf)));
        assertEquals(401, write.statusCode());
        HttpResponse<String> form = ApiClient.checked("POST", ada.send("POST", "/api/v1/lists",
                Map.of("_csrf", csrf, "name", "via cookie"), Map.of()));
        assertEquals(401, form.statusCode());
        assertEquals(before, DatabaseDigest.of(app.databaseFile()));
    }

    @Test
    void badAuthorizationHeadersAreA401() {
        for (String header : List.of("Basic YWRhOnB3", "Bearer", "Bearer pl_short", "Bearer " + "pl_" + "A".repeat(43),
                "Bearer " + adaWrite.token + "x", "bearer  " + "x".repeat(5000))) {
            HttpResponse<String> response = ApiClient.checked("GET", TestApp.send(HttpRequest.newBuilder(
                    app.uri("/api/v1/me")).header("Authorization", header).build()));
            assertEquals(401, response.statusCode(), header);
        }
        ok(new ApiClient(app, adaWrite.token).get("/api/v1/me"), 200);
    }

    @Test
    void eachTokenHasItsOwnRateLimit(@TempDir Path other) {
        MutableClock frozen = MutableClock.startingNow();
        try (TestApp limited = TestApp.start(other, frozen)) {
            ApiClient busy = ApiClient.of(limited, limited.admin(), "read");
            ApiClient calm = ApiClient.of(limited, limited.member("calm"), "read");
            for (int i = 0; i < RateLimit.BURST; i++) {
                ok(busy.get("/api/v1/me"), 200);
            }
            HttpResponse<String> refused = busy.get("/api/v1/me");
            assertEquals(429, refused.statusCode());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(1, ok(refused, 429).get("retry_after").asInt());
            ok(calm.get("/api/v1/me"), 200);
            frozen.advance(Duration.ofSeconds(1));
            ok(busy.get("/api/v1/me"), 200);
            ok(busy.get("/api/v1/me"), 200);
            assertEquals(429, busy.get("/api/v1/me").statusCode());
        }
    }

    /** The first 30 characters of a paper's abstract, a passage that occurs once. */
    static String phrase(long paper) {
        return app.app().database().read().fetchValue("SELECT substr(abstract, 1, 30) FROM paper WHERE id = " + paper)
                .toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
