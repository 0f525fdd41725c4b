package io.paperlog.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A submitted form, read one field at a time, collecting what is wrong by field so that a person hears about every
 * problem at once. Each feature's {@code XForm.read(ctx)} uses one: read the fields, {@link #problem} what is not
 * acceptable, then {@link #refuseIfInvalid()}. Values no form of ours sends (an unknown checkbox value, a number
 * where a hidden field holds one) are a 400 at once rather than a problem to show.
 */
public final class Form {

    /** A field's value by name, null when the form does not have it. */
    private final UnaryOperator<String> fields;
    private final Map<String, String> problems = new LinkedHashMap<>();

    private Form(UnaryOperator<String> fields) {
        this.fields = fields;
    }

    public static Form of(Context ctx) {
        return new Form(ctx::formParam);
    }

    /** A form with exactly these fields, as a parser may be handed one outside a request. */
    public static Form of(Map<String, String> values) {
        return new Form(values::get);
    }

    /**
     * The field's text as typed, "" when absent. Browsers send a textarea's line breaks as CRLF; they are kept as
     * LF, so that the same text always compares equal.
     */
    public String text(String name) {
        return Text.lf(fields.apply(name));
    }

    /** The field's text without leading and trailing white space. */
    public String trimmed(String name) {
        return text(name).strip();
    }

    /** A checkbox: true when ticked ({@code on}), false when absent. */
    public boolean checkbox(String name) {
        String value = fields.apply(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("on") && !value.equals("true")) {
            throw UserError.badRequest(name + " is either on or absent.");
        }
        return true;
    }

    /** A whole number from a field no person types in (a hidden field, a radio value); a 400 when absent. */
    public int wholeNumber(String name, String what) {
        return Params.wholeNumber(trimmed(name), what);
    }

    /** A whole number from a field no person types in (a hidden field, a radio value); {@code absent} when empty. */
    public int wholeNumber(String name, String what, int absent) {
        String raw = fields.apply(name);
        return raw == null || raw.isBlank() ? absent : Params.wholeNumber(raw.strip(), what);
    }

    /** Records that {@code field} is not acceptable; the first problem of a field is the one shown. */
    public void problem(String field, String message) {
        problems.putIfAbsent(field, message);
    }

    /**
     * Records a problem on {@code field} when {@code value} has more than {@code max} characters, saying so as
     * "{what} can be up to 5,000 characters; this one has 5,012."
     */
    public void atMost(String field, String value, int max, String what) {
        int length = Text.characters(value);
        if (length > max) {
            problem(field, what + " can be up to " + Text.grouped(max) + " characters; this one has "
                    + Text.grouped(length) + ".");
        }
    }

    public boolean hasProblem(String field) {
        return problems.containsKey(field);
    }

    /** The problems found so far, by field. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    /** Refuses the whole form, with every problem found, if there is any. */
    public void refuseIfInvalid() {
        if (!problems.isEmpty()) {
            throw UserError.invalid(problems);
        }
    }

    /**
     * What a page shows in a field: what was typed when the page is shown again for a refused form, otherwise
     * {@code stored}.
     */
    public static String kept(Context ctx, String field, String stored) {
        UserError refused = UserError.shownFor(ctx).orElse(null);
        if (refused == null) {
            return stored;
        }
        if (refused.kept(field) != null) {
            return refused.kept(field);
        }
        String typed = ctx.formParam(field);
        return typed == null ? stored : Text.lf(typed);
    }
}
