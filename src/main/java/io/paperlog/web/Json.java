package io.paperlog.web;

import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper (Jackson) of Paperlog: the token API, its problem details and the exports write through it, so
 * a record has the same shape everywhere. Records are written with snake_case names in declaration order, nulls
 * included; the text is indented by two spaces and ends with a newline, and {@code <}, {@code >}, {@code &} and the
 * two line separators are escaped, so that it is also safe inside HTML. Reading is strict: duplicate names, trailing
 * content and deep nesting are refused, and a document is at most {@link RequestInput#MAX_BODY} long.
 */
public final class Json {

    /** How deep a request body may nest; nothing Paperlog accepts goes past three levels. */
    public static final int MAX_DEPTH = 16;

    private static final JsonMapper MAPPER = mapper(RequestInput.MAX_BODY);
    /** For files people upload (an export to import): as strict, but as long as an upload may be. */
    private static final JsonMapper FILE_MAPPER = mapper(4 * RequestInput.MAX_UPLOAD);

    private static JsonMapper mapper(int maxLength) {
        return JsonMapper.builder(JsonFactory.builder()
                        .characterEscapes(new HtmlSafe())
                        .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_DEPTH)
                                .maxDocumentLength(maxLength)
                                .maxStringLength(maxLength)
                                .maxNumberLength(40)
                                .build())
                        .build())
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }

    private static final ObjectWriter WRITER = MAPPER.writer().with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {}

    /** {@code value} (a record, map, list, string, number, boolean or null) as indented JSON with a final newline. */
    public static String write(Object value) {
        return WRITER.writeValueAsString(value) + "\n";
    }

    /** The JSON document in {@code bytes}; a {@link JacksonException} says what is wrong with one that is not. */
    public static JsonNode read(byte[] bytes) {
        return MAPPER.readTree(bytes);
    }

    /** The JSON document in {@code text}; a {@link JacksonException} says what is wrong with one that is not. */
    public static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    /** A JSON file someone uploaded (or unpacked from an upload), up to four uploads long; strict as {@link #read(byte[])}. */
    public static JsonNode readFile(byte[] bytes) {
        return FILE_MAPPER.readTree(bytes);
    }

    /** A document already read, as a value of {@code type} (records by their snake_case names, unknown names refused). */
    public static <T> T convert(JsonNode node, Class<T> type) {
        return FILE_MAPPER.treeToValue(node, type);
    }

    /** Reads a JSON document into a value of {@code type}. */
    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /** The escapes on top of JSON's own: {@code <>&} and U+2028/U+2029, as lowercase {@code \\u} escapes. */
    private static final class HtmlSafe extends CharacterEscapes {

        private static final Set<Integer> ESCAPED = Set.of((int) '<', (int) '>', (int) '&', 0x2028, 0x2029);
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafe() {
            for (int c : ESCAPED) {
                if (c < ascii.length) {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return ESCAPED.contains(c) ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
