package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Text;
import io.paperlog.web.UserError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a person sets on an annotation: a Markdown comment, a colour, who sees it, and tags. */
public record AnnotationForm(String body, String colour, String visibility, List<String> tags) {

    public static final int MAX_BODY = 5000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 40;
    public static final List<String> COLOURS = Colour.NAMES;
    public static final List<String> VISIBILITIES = List.of("private", "team");
    static final String DEFAULT_COLOUR = Colour.YELLOW.slug();
    static final String DEFAULT_VISIBILITY = "private";

    /** The content fields of a form that has nothing else to check. */
    static AnnotationForm read(Context ctx) {
        Form form = Form.of(ctx);
        AnnotationForm content = read(form);
        form.refuseIfInvalid();
        return content;
    }

    /** The content fields, their problems recorded on {@code form} (which the caller refuses, if need be). */
    public static AnnotationForm read(Form form) {
        String colour = Text.orDefault(form.trimmed("colour"), DEFAULT_COLOUR);
        if (!COLOURS.contains(colour)) {
            throw UserError.badRequest("Highlight colours are " + String.join(", ", COLOURS) + ".");
        }
        String visibility = Text.orDefault(form.trimmed("visibility"), DEFAULT_VISIBILITY);
        if (!VISIBILITIES.contains(visibility)) {
            throw UserError.badRequest("An annotation is either private or shared with the team.");
        }
        String body = form.trimmed("body");
        form.atMost("body", body, MAX_BODY, "Comments");
        return new AnnotationForm(body, colour, visibility, tags(form));
    }

    private static List<String> tags(Form form) {
        Set<String> tags = new LinkedHashSet<>();
        for (String part : form.text("tags").split(",")) {
            String tag = part.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (tag.startsWith("#")) {
                tag = tag.substring(1).strip();
            }
            if (tag.isEmpty()) {
                continue;
            }
            if (Text.characters(tag) > MAX_TAG) {
                form.problem("tags", "Each tag can be up to " + MAX_TAG + " characters.");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            form.problem("tags", "Up to " + MAX_TAGS + " tags, separated by commas.");
        }
        return new ArrayList<>(tags);
    }
}
