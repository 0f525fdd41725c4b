package io.paperlog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class JsonTest {

    record Sample(long paperId, String startedOn, Integer rating) {}

    @Test
    void jsonEscapesEverythingThatMustBe() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\\u001b\\u003c/script\\u003e \\u0026 \\u2028\"\n",
                Json.write("a\"b\\c\nd\te\u0001\u001b</script> & \u2028"));
        assertEquals("null\n", Json.write(null));
        assertEquals("[]\n", Json.write(List.of()));
        assertEquals("{}\n", Json.write(Map.of()));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 3);
        map.put("b", true);
        map.put("l", List.of(1L, "x"));
        assertEquals("{\n  \"n\": 3,\n  \"b\": true,\n  \"l\": [\n    1,\n    \"x\"\n  ]\n}\n", Json.write(map));
        assertEquals("\"é — 𝛼\"\n", Json.write("é — 𝛼"), "non-ASCII text stays as UTF-8");
        assertEquals("3.5\n", Json.write(3.5));
        assertThrows(JacksonException.class, () -> Json.write(new Object()), "nothing is written by guesswork");
    }

    @Test
    void recordsAreSnakeCaseInDeclarationOrderWithNulls() {
        assertEquals("{\n  \"paper_id\": 7,\n  \"started_on\": \"2026-01-31\",\n  \"rating\": null\n}\n",
                Json.write(new Sample(7, "2026-01-31", null)));
    }

    @Test
    void readingIsStrict() {
        assertEquals(2, Json.read("{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8)).get("a").size());
        for (String bad : List.of("{\"a\": 1, \"a\": 2}", "{\"a\": 1} x", "{\"a\": ", "{'a': 1}",
                "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1))) {
            assertThrows(JacksonException.class, () -> Json.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        byte[] invalidUtf8 = {'"', (byte) 0xC3, (byte) 0x28, '"'};
        assertThrows(JacksonException.class, () -> Json.read(invalidUtf8));
    }
}
