package io.paperlog.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.RawHttp;
import io.paperlog.testing.TestApp;
import io.paperlog.web.Tokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokens page: a token is shown once and stored only as its hash; named, scoped, dated, revocable; its form refuses what it should. */
class TokensHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static Client bea;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        app.admin();
        bea = app.member("bea");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aTokenIsShownOnceAndStoredOnlyAsItsHash() {
        String token = bea.apiToken("Zotero sync", "write", "30");
        assertTrue(token.startsWith("pl_") && token.length() == 46);
        String page = bea.get("/account/tokens").body();
        assertTrue(page.contains("Zotero sync") && page.contains("Read and write") && page.contains("never"));
        assertFalse(page.contains(token), "shown once, in the answer that made it");
        assertEquals(1, ((Number) app.app().database().read().fetchValue(
                "SELECT count(*) FROM api_token WHERE token_hash = ?", Tokens.sha256(token))).intValue());
        assertEquals(0, ((Number) app.app().database().read().fetchValue(
                "SELECT count(*) FROM api_token WHERE token_hash = ? OR name = ?", token, token)).intValue());
        assertEquals(200, RawHttp.get(app.app().port(), "/api/v1/me", "Authorization: Bearer " + token).status());
        assertFalse(bea.get("/account/tokens").body().matches("(?s).*Zotero sync.*?never.*"), "last used is shown");
        assertTrue(bea.get("/account").body().contains("/account/tokens"), "the account page leads there");
    }

    @Test
    void theFormRefusesWhatItShouldAndKeepsWhatWasTyped() {
        HttpResponse<String> empty = bea.post("/account/tokens", Map.of("name", "  ", "scope", "write", "days", "7"));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("Name the token"));
        assertTrue(empty.body().contains("value=\"write\" checked"), "the chosen scope is kept");
        HttpResponse<String> longName = bea.post("/account/tokens", Map.of("name", "n".repeat(81)));
        assertEquals(422, longName.statusCode());
        assertTrue(longName.body().contains("value=\"" + "n".repeat(81) + "\""));
        String before = DatabaseDigest.of(app.databaseFile());
        for (Map<String, String> form : List.of(Map.of("name", "x", "scope", "admin"), Map.of("name", "x", "days", "3650"),
                Map.of("name", "x", "days", "-1"), Map.of("name", "x", "scope", "read,write"))) {
            assertEquals(400, bea.post("/account/tokens", form).statusCode(), form.toString());
        }
        assertEquals(before, DatabaseDigest.of(app.databaseFile()));
    }

    @Test
    void revokingWorksForTheOwnerOnly() {
        Client cy = app.member("cyril");
        String token = cy.apiToken("cyril-token", "read", "7");
        long id = ((Number) app.app().database().read()
                .fetchValue("SELECT id FROM api_token WHERE token_hash = ?", Tokens.sha256(token))).longValue();
        HttpResponse<String> notMine = bea.post("/account/tokens/" + id + "/revoke", Map.of());
        assertEquals(303, notMine.statusCode());
        assertEquals(200, RawHttp.get(app.app().port(), "/api/v1/me", "Authorization: Bearer " + token).status());
        assertEquals(303, cy.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode());
        assertEquals(401, RawHttp.get(app.app().port(), "/api/v1/me", "Authorization: Bearer " + token).status());
        assertFalse(cy.get("/account/tokens").body().contains("cyril-token"));
    }

    @Test
    void aTokenNeverOpensThePages() {
        String token = bea.apiToken("pages?", "write", "7");
        RawHttp.Answer page = RawHttp.get(app.app().port(), "/account", "Authorization: Bearer " + token);
        assertEquals(303, page.status(), "to the login: a token is for the API only");
    }
}
