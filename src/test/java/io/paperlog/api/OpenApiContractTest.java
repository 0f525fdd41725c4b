package io.paperlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.TestApp;
import io.paperlog.web.Router;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document and the route table describe the same API: every /api route of the table is in the
 * document with its path parameters, and nothing else is; the document is served as it is in the jar; and the
 * contract the API tests hold every answer to does catch an answer that strays from it.
 */
class OpenApiContractTest {

    @TempDir
    Path folder;

    @Test
    void everyApiRouteIsDocumentedAndNothingElse() {
        try (TestApp app = TestApp.start(folder)) {
            Set<String> routes = new TreeSet<>();
            for (Router.Route route : app.app().routes()) {
                if (route.path().startsWith("/api/")) {
                    routes.add(route.method().toLowerCase(Locale.ROOT) + " " + route.path());
                }
            }
            Set<String> documented = new TreeSet<>();
            JsonNode paths = OpenApiContract.DOCUMENT.get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    JsonNode operation = paths.get(path).get(method);
                    documented.add(method + " " + path);
                    assertTrue(operation.has("summary") && operation.has("operationId") && operation.has("responses"),
                            method + " " + path);
                    for (String parameter : path.split("/")) {
                        if (parameter.startsWith("{")) {
                            String name = parameter.substring(1, parameter.length() - 1);
                            assertTrue(operation.get("parameters").toString().contains("Id\"")
                                    || operation.get("parameters").toString().contains(name), path + " documents " + name);
                        }
                    }
                    if (!method.equals("get") && !method.equals("delete")) {
                        assertTrue(operation.has("requestBody"), method + " " + path + " documents its body");
                    }
                }
            }
            assertEquals(routes, documented);
            assertEquals("3.1.0", OpenApiContract.DOCUMENT.get("openapi").asString());

            HttpResponse<String> served = app.get("/api/openapi.json");
            assertEquals(200, served.statusCode(), "public: a client reads it before it has a token");
            assertEquals(OpenApiContract.DOCUMENT, OpenApiContract.MAPPER.readTree(served.body()));
            OpenApiContract.check("GET", served);
        }
    }

    @Test
    void theContractCatchesAnAnswerThatStraysFromTheDocument() {
        String paper = "{\"id\": 1, \"rank\": 1, \"title\": \"T\", \"authors\": [], \"year\": null, \"venue\": null, "
                + "\"arxiv_id\": null, \"doi\": null, \"url\": null, \"citations\": 3, \"abstract\": \"A\", "
                + "\"created_at\": \"2026-01-01T00:00:00Z\"}";
        OpenApiContract.check("GET", "/api/v1/papers/1", 200, "application/json", paper);
        assertThrows(AssertionError.class, () -> OpenApiContract.check("GET", "/api/v1/papers/1", 200,
                "application/json", paper.replace("\"citations\": 3", "\"citations\": \"3\"")), "a wrong type");
        assertThrows(AssertionError.class, () -> OpenApiContract.check("GET", "/api/v1/papers/1", 200,
                "application/json", paper.replace("{\"id\": 1,", "{\"id\": 1, \"extra\": true,")), "an undocumented member");
        assertThrows(AssertionError.class, () -> OpenApiContract.check("GET", "/api/v1/papers/1", 404,
                "text/html", "<html>"), "HTML from /api");
        assertThrows(AssertionError.class, () -> OpenApiContract.check("GET", "/api/v1/papers/1", 404,
                "application/problem+json", "{\"title\": \"Not Found\"}"), "a problem without its members");
        assertThrows(AssertionError.class, () -> OpenApiContract.check("GET", "/api/v1/nowhere", 200,
                "application/json", "{}"), "an undocumented route that answers");
    }
}
