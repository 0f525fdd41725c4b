package io.paperlog.api;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Json;
import io.paperlog.web.UserError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A request body of the API: one JSON object ({@code Content-Type: application/json}, UTF-8), whose members are
 * checked against the route's fields (a member of another name, or of the wrong type, is a 422 naming it) and then
 * handed to the same form reader the pages use, so the API accepts exactly what the pages accept. Malformed JSON,
 * invalid UTF-8, duplicate names, deep nesting and U+0000 in text are a 400.
 */
final class ApiBody {

    /** What a member may hold. Text and numbers become the form field's text; a list is joined with commas. */
    enum Kind { TEXT, NUMBER, WHOLE_NUMBER, TEXT_LIST, NUMBER_LIST }

    /** A member of the body: its JSON name, what it holds, and the form field it fills. */
    record Field(String name, Kind kind, String formField) {
        static Field of(String name, Kind kind) {
            return new Field(name, kind, name);
        }
    }

    private ApiBody() {}

    /** The body as the form its fields fill; members that are absent or null leave their field empty. */
    static Form read(Context ctx, List<Field> fields) {
        JsonNode body = object(ctx);
        Map<String, Field> known = new LinkedHashMap<>();
        fields.forEach(f -> known.put(f.name(), f));
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            Field field = known.get(member.getKey());
            if (field == null) {
                problems.put(clip(member.getKey()), "Unknown field; this request takes " + String.join(", ",
                        known.keySet()) + ".");
                continue;
            }
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            String text = text(field.kind(), value);
            if (text == null) {
                problems.put(field.name(), "Should be " + describe(field.kind()) + ".");
            } else {
                values.put(field.formField(), text);
            }
        }
        if (!problems.isEmpty()) {
            throw UserError.invalid(problems);
        }
        return Form.of(values);
    }

    private static JsonNode object(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw UserError.unsupportedMediaType("The API takes a JSON object as application/json.");
        }
        if (type.contains("charset=") && !type.replace(" ", "").contains("charset=utf-8")) {
            throw UserError.unsupportedMediaType("JSON is read as UTF-8; send it as UTF-8.");
        }
        JsonNode body;
        try {
            body = Json.read(utf8(ctx.bodyAsBytes()));
        } catch (JacksonException malformed) {
            throw UserError.badRequest("The body is not valid JSON: " + clip(malformed.getOriginalMessage()));
        }
        if (body == null || !body.isObject()) {
            throw UserError.badRequest("The body is a JSON object, like {\"status\": \"read\"}.");
        }
        refuseNul(body);
        return body;
    }

    /** The body as text, refused unless it is UTF-8 (RFC 8259 allows nothing else between systems). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw UserError.badRequest("The body is not valid UTF-8.");
        }
    }

    /** The member as the form field's text, or null when it is not of the kind asked for. */
    private static String text(Kind kind, JsonNode value) {
        return switch (kind) {
            case TEXT -> value.isString() ? value.stringValue() : null;
            case NUMBER -> value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : null;
            case WHOLE_NUMBER -> value.isIntegralNumber() && value.canConvertToLong() ? value.asString() : null;
            case TEXT_LIST, NUMBER_LIST -> {
                if (!value.isArray()) {
                    yield null;
                }
                List<String> parts = new ArrayList<>();
                for (JsonNode element : value) {
                    String part = text(kind == Kind.TEXT_LIST ? Kind.TEXT : Kind.WHOLE_NUMBER, element);
                    if (part == null || part.contains(",")) {
                        yield null;
                    }
                    parts.add(part);
                }
                yield String.join(",", parts);
            }
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case TEXT -> "a string";
            case NUMBER -> "a number";
            case WHOLE_NUMBER -> "a whole number";
            case TEXT_LIST -> "an array of strings without commas";
            case NUMBER_LIST -> "an array of whole numbers";
        };
    }

    private static void refuseNul(JsonNode node) {
        if (node.isString() && node.stringValue().indexOf('\u0000') >= 0) {
            throw UserError.badRequest("Text cannot contain a NUL character (U+0000).");
        }
        if (node.isString() && !wholeCharacters(node.stringValue())) {
            throw UserError.badRequest("Text cannot contain half of a character (a lone \\u surrogate escape).");
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (member.getKey().indexOf('\u0000') >= 0) {
                throw UserError.badRequest("Text cannot contain a NUL character (U+0000).");
            }
            refuseNul(member.getValue());
        }
        if (node.isArray()) {
            node.forEach(ApiBody::refuseNul);
        }
    }

    private static boolean wholeCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String clip(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
