package io.paperlog.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds the API's answers to its OpenAPI document: every response an API test receives is found in the document
 * (its path, its method, its status or the operation's default, its media type) and its body validates against the
 * documented JSON Schema (2020-12, the dialect of OpenAPI 3.1).
 */
final class OpenApiContract {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final JsonNode DOCUMENT = load();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private OpenApiContract() {}

    private static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/api/openapi.json")) {
            return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented path template {@code path} (a concrete path, no query) answers to, or null. */
    static String template(String path) {
        String literal = null;
        String templated = null;
        for (String candidate : DOCUMENT.get("paths").propertyNames()) {
            if (candidate.equals(path)) {
                literal = candidate;
            } else if (path.matches(candidate.replaceAll("\\{[^}]+}", "[^/]+"))) {
                templated = candidate;
            }
        }
        return literal != null ? literal : templated;
    }

    /** Fails unless {@code response} to {@code method} is one the document describes, body and all. */
    static void check(String method, HttpResponse<String> response) {
        check(method, response.uri().getPath(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    static void check(String method, String path, int status, String contentType, String body) {
        String where = method + " " + path + " → " + status;
        String template = template(path);
        JsonNode operation = template == null ? null : DOCUMENT.get("paths").get(template).get(method.toLowerCase());
        JsonNode described;
        if (operation == null) {
            assertTrue(status == 404 || status == 405, where + ": undocumented, so a 404 or 405");
            described = resolve(DOCUMENT.at("/components/responses/Error"));
        } else {
            JsonNode responses = operation.get("responses");
            JsonNode byStatus = responses.get(String.valueOf(status));
            described = resolve(byStatus != null ? byStatus : responses.get("default"));
        }
        assertNotNull(described, where + ": not documented");
        String type = contentType.split(";")[0].strip();
        JsonNode content = described.get("content");
        if (content == null) {
            assertTrue(body.isEmpty(), where + ": documented without a body");
            return;
        }
        JsonNode media = content.get(type);
        assertNotNull(media, where + ": " + type + " is not documented for it; " + content.propertyNames());
        List<Error> errors = schema(media.get("schema")).validate(MAPPER.readTree(body));
        assertTrue(errors.isEmpty(), where + ": the body does not validate: " + errors + "\n" + body);
    }

    private static JsonNode resolve(JsonNode node) {
        if (node != null && node.has("$ref")) {
            return DOCUMENT.at(node.get("$ref").asString().substring(1));
        }
        return node;
    }

    private static Schema schema(JsonNode schema) {
        return COMPILED.computeIfAbsent(schema.toString(), key -> {
            ObjectNode standalone = ((ObjectNode) MAPPER.readTree(key.replace("#/components/schemas/", "#/$defs/")));
            standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            standalone.set("$defs", MAPPER.readTree(DOCUMENT.at("/components/schemas").toString()
                    .replace("#/components/schemas/", "#/$defs/")));
            return SCHEMAS.getSchema(standalone.toString());
        });
    }
}
