package io.paperlog.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.annotations.Anchoring.Selector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    @Test
    void jsonEscapesEverythingThatMustBe() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\\u003c/script\\u003e \\u0026 \\u2028\"\n",
                Json.write("a\"b\\c\nd\te\u0001</script> & \u2028"));
        assertEquals("null\n", Json.write(null));
        assertEquals("[]\n", Json.write(List.of()));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 3);
        map.put("b", true);
        map.put("l", List.of(1L, "x"));
        assertEquals("{\n  \"n\": 3,\n  \"b\": true,\n  \"l\": [\n    1,\n    \"x\"\n  ]\n}\n", Json.write(map));
        assertEquals("\"é — 𝛼\"\n", Json.write("é — 𝛼"), "non-ASCII text stays as UTF-8");
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(1.5));
    }

    static Annotation sample(String body, List<String> tags) {
        return new Annotation(12, 1, "alice", "Alice \"A\"", 36, "Reformer", new Selector("the quote", "before ",
                " after", 10, 19), body, "green", "team", tags, null, "2026-01-31T12:00:00Z", "2026-01-31T12:05:00Z");
    }

    @Test
    void anAnnotationHasTheW3cShape() {
        String json = JsonLd.single(sample("My *comment*", List.of("method")), "http://h:1");
        assertTrue(json.startsWith("{\n  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
                + "  \"id\": \"http://h:1/annotations/12\",\n  \"type\": \"Annotation\",\n"
                + "  \"motivation\": \"commenting\",\n  \"created\": \"2026-01-31T12:00:00Z\",\n"
                + "  \"modified\": \"2026-01-31T12:05:00Z\",\n"), json);
        assertTrue(json.contains("\"name\": \"Alice \\\"A\\\"\""), json);
        assertTrue(json.contains("{\n      \"type\": \"TextualBody\",\n      \"purpose\": \"commenting\",\n"
                + "      \"format\": \"text/markdown\",\n      \"value\": \"My *comment*\"\n    }"), json);
        assertTrue(json.contains("\"purpose\": \"tagging\",\n      \"value\": \"method\""), json);
        assertTrue(json.contains("\"source\": \"http://h:1/papers/36\""), json);
        assertTrue(json.contains("{\n        \"type\": \"TextQuoteSelector\",\n        \"exact\": \"the quote\",\n"
                + "        \"prefix\": \"before \",\n        \"suffix\": \" after\"\n      }"), json);
        assertTrue(json.contains("{\n        \"type\": \"TextPositionSelector\",\n        \"start\": 10,\n"
                + "        \"end\": 19\n      }"), json);
        assertTrue(json.contains("\"styleClass\": \"hl--green\""), json);
        assertTrue(json.contains("\"type\": \"CssStylesheet\""), json);
    }

    @Test
    void aHighlightWithoutCommentOrTagsHasNoBody() {
        String json = JsonLd.single(sample("", List.of()), "http://h");
        assertTrue(json.contains("\"motivation\": \"highlighting\""));
        assertFalse(json.contains("\"body\""));
    }

    @Test
    void aCollectionListsItsItemsOnOnePageWithOneContext() {
        String json = JsonLd.collection("http://h/annotations.jsonld", "My annotations",
                List.of(sample("a", List.of()), sample("b", List.of())), "http://h");
        assertTrue(json.contains("\"type\": \"AnnotationCollection\""));
        assertTrue(json.contains("\"total\": 2"));
        assertTrue(json.contains("\"type\": \"AnnotationPage\""));
        assertEquals(1, json.split("@context", -1).length - 1);
    }
}
