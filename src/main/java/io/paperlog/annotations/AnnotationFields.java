package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.UserError;
import java.util.List;
import java.util.Map;

/**
 * What the annotation form's fields hold: empty, an annotation's values (to edit it), or what was typed when the
 * form is shown again for a refused post, with the problems by field and, when a pasted passage occurs more than
 * once, the occurrences to choose from.
 */
public record AnnotationFields(String exact, String occurrence, String start, String end, String body, String colour,
                               String tags, String visibility, Map<String, String> errors, List<Choice> choices) {

    /** One place a pasted passage occurs, shown with a little context. */
    public record Choice(int number, String before, String exact, String after) {}

    static final AnnotationFields EMPTY = new AnnotationFields("", "", "", "", "", AnnotationForm.DEFAULT_COLOUR, "",
            AnnotationForm.DEFAULT_VISIBILITY, Map.of(), List.of());

    static AnnotationFields of(Annotation a) {
        return new AnnotationFields(a.exact(), "", "", "", a.body(), a.colour(), String.join(", ", a.tags()),
                a.visibility(), Map.of(), List.of());
    }

    /** {@code stored}, or what was typed over it when the page is shown again for a refused post. */
    static AnnotationFields kept(Context ctx, AnnotationFields stored, List<Choice> choices) {
        Map<String, String> errors = UserError.shownFor(ctx).map(UserError::fields).orElse(Map.of());
        return new AnnotationFields(Form.kept(ctx, "exact", stored.exact), Form.kept(ctx, "occurrence", stored.occurrence),
                Form.kept(ctx, "start", stored.start),
                Form.kept(ctx, "end", stored.end), Form.kept(ctx, "body", stored.body),
                Form.kept(ctx, "colour", stored.colour), Form.kept(ctx, "tags", stored.tags),
                Form.kept(ctx, "visibility", stored.visibility), errors, choices);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** Whether occurrence {@code number} is the one chosen (the first, until one is). */
    public boolean isOccurrence(int number) {
        return occurrence.strip().equals(String.valueOf(number)) || number == 1 && !occurrence.strip().matches("\\d{1,4}");
    }

    public boolean isColour(String c) {
        return c.equals(colour);
    }

    public List<String> colours() {
        return AnnotationForm.COLOURS;
    }

    public int maxQuote() {
        return SelectionForm.MAX_QUOTE;
    }

    public int maxBody() {
        return AnnotationForm.MAX_BODY;
    }
}
