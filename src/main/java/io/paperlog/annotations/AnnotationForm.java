package io.paperlog.annotations;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The annotation form as submitted, kept verbatim so that a form with problems comes back as it was typed, plus
 * the problems found, by field, and, when a pasted passage occurs more than once, the occurrences to choose from.
 */
public record AnnotationForm(String exact, String occurrence, String start, String end, String body, String colour,
        String tags, String visibility, Map<String, String> errors, List<Choice> choices) {

    public static final int MAX_QUOTE = 2000;
    public static final int MAX_BODY = 5000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 40;
    public static final List<String> COLOURS = List.of("yellow", "green", "blue", "pink");
    public static final List<String> VISIBILITIES = List.of("private", "team");

    /** One place a pasted passage occurs, shown with a little context. */
    public record Choice(int number, String before, String exact, String after) {}

    public static AnnotationForm empty() {
        return new AnnotationForm("", "", "", "", "", "yellow", "", "private", Map.of(), List.of());
    }

    static AnnotationForm from(Context ctx) {
        return new AnnotationForm(value(ctx, "exact"), value(ctx, "occurrence").strip(), value(ctx, "start").strip(),
                value(ctx, "end").strip(), value(ctx, "body"), orDefault(value(ctx, "colour"), "yellow"),
                value(ctx, "tags"), orDefault(value(ctx, "visibility"), "private"), Map.of(), List.of());
    }

    static AnnotationForm of(Annotation a) {
        return new AnnotationForm(a.exact(), "", "", "", a.body(), a.colour(), String.join(", ", a.tags()),
                a.visibility(), Map.of(), List.of());
    }

    AnnotationForm withProblems(Map<String, String> problems, List<Choice> occurrences) {
        return new AnnotationForm(exact, occurrence, start, end, body, colour, tags, visibility,
                Map.copyOf(problems), List.copyOf(occurrences));
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean isColour(String c) {
        return c.equals(colour);
    }

    /** Body, colour, visibility and tags, checked; problems a person can fix go into {@code problems}. */
    AnnotationStore.Content content(Map<String, String> problems) {
        if (!COLOURS.contains(colour)) {
            throw new BadRequestResponse("Highlight colours are " + String.join(", ", COLOURS) + ".");
        }
        if (!VISIBILITIES.contains(visibility)) {
            throw new BadRequestResponse("An annotation is either private or shared with the team.");
        }
        String cleanBody = body.replace("\r\n", "\n").strip();
        if (cleanBody.length() > MAX_BODY) {
            problems.put("body", "Comments can be up to " + String.format(Locale.ROOT, "%,d", MAX_BODY)
                    + " characters; this one has " + String.format(Locale.ROOT, "%,d", cleanBody.length()) + ".");
        }
        List<String> tagList = parseTags(tags, problems);
        return new AnnotationStore.Content(cleanBody, colour, visibility, tagList);
    }

    static List<String> parseTags(String raw, Map<String, String> problems) {
        Set<String> tags = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            String tag = part.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (tag.startsWith("#")) {
                tag = tag.substring(1).strip();
            }
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > MAX_TAG) {
                problems.put("tags", "Each tag can be up to " + MAX_TAG + " characters.");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            problems.put("tags", "Up to " + MAX_TAGS + " tags, separated by commas.");
        }
        return new ArrayList<>(tags);
    }

    static Map<String, String> problems() {
        return new LinkedHashMap<>();
    }

    private static String value(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    private static String orDefault(String v, String fallback) {
        return v.isBlank() ? fallback : v.strip();
    }
}
