package io.paperlog.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.annotations.Anchoring.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLdTest {

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
