package io.paperlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/search: the pages' search for the token's person, held to the OpenAPI document. */
class SearchApiHttpTest {

    @TempDir
    Path folder;

    @Test
    void findsWhatThePersonMaySeeAndAnyTextIsASearch() {
        try (TestApp app = TestApp.start(folder)) {
            Client owner = app.admin();
            Client other = app.member("other");
            owner.post("/papers/5/note", Map.of("body", "the $\\alpha$ sturgeon idea", "base_revision", "0"));
            ApiClient mine = ApiClient.of(app, owner, "read");
            ApiClient theirs = ApiClient.of(app, other, "read");

            JsonNode found = mine.json(mine.get("/api/v1/search?q=sturgeon"));
            assertEquals(1, found.get("total").asInt());
            JsonNode result = found.get("items").get(0);
            assertEquals(5, result.get("paper_id").asInt());
            assertEquals("note", result.get("hits").get(0).get("kind").asString());
            assertEquals("in your note", result.get("hits").get(0).get("reason").asString());
            assertTrue(result.get("hits").get(0).get("snippet").asString().contains("$\\alpha$ sturgeon"));
            assertEquals(0, theirs.json(theirs.get("/api/v1/search?q=sturgeon")).get("total").asInt());

            JsonNode filtered = mine.json(mine.get("/api/v1/search?q=year:2023+status:maybe&per_page=2&page=2"));
            assertEquals(2, filtered.get("page").asInt());
            assertEquals(1, filtered.get("ignored").size());
            for (String q : new String[] {"\"", "NEAR(", "*", "🙂", "' OR 1=1 --", "x".repeat(5000), "or -"}) {
                assertEquals(200, mine.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).statusCode());
            }
            assertEquals(400, mine.get("/api/v1/search?q=a&per_page=1000").statusCode());
        }
    }
}
