package io.paperlog.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Something the client got wrong, in words for the person: thrown from forms, params and stores, and answered in
 * one place ({@link ErrorPages}). A refusal about fields (mostly 422) or a conflict (409) shows the form again with
 * what was typed; any other is an error page, or an in-place fragment for app.js. It carries no stack trace: it is an
 * answer, not a failure.
 */
public final class UserError extends RuntimeException {

    private static final String SHOWN = "paperlog.userError";

    private final int status;
    /** Field name → sentence; empty when the error is about the request as a whole. */
    private final Map<String, String> fields;
    /** What the form shown again holds in fields the request did not type (see {@link #keeping}). */
    private final Map<String, String> kept;
    /** Members the API's problem document adds (see {@link #withDetail}), in order. */
    private final Map<String, Object> details;

    private UserError(int status, String message, Map<String, String> fields) {
        this(status, message, fields, Map.of(), Map.of());
    }

    private UserError(int status, String message, Map<String, String> fields, Map<String, String> kept,
                      Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.fields = Map.copyOf(fields);
        this.kept = Map.copyOf(kept);
        this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** This error, with a member {@code name} in the API's problem document: what a script needs to carry on. */
    public UserError withDetail(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new UserError(status, getMessage(), fields, kept, more);
    }

    public Map<String, Object> details() {
        return details;
    }

    /**
     * This error, with {@code value} for the form's {@code field} when it is shown again: for a field the request
     * did not type itself (restoring a revision sends its number; the form shows its text).
     */
    public UserError keeping(String field, String value) {
        Map<String, String> more = new LinkedHashMap<>(kept);
        more.put(field, value);
        return new UserError(status, getMessage(), fields, more, details);
    }

    /** The value this error keeps for {@code field}, or null. */
    String kept(String field) {
        return kept.get(field);
    }

    /** A request no form of ours sends: a malformed id, an unknown option. */
    public static UserError badRequest(String message) {
        return new UserError(400, message, Map.of());
    }

    public static UserError unauthorized(String message) {
        return new UserError(401, message, Map.of());
    }

    /** Credentials that do not match, said beside the form's {@code field}, which is shown again. */
    public static UserError unauthorized(String field, String message) {
        return new UserError(401, message, Map.of(field, message));
    }

    /** Too many attempts; the form is shown again with the sentence beside {@code field}. */
    public static UserError tooManyAttempts(String field, String message) {
        return new UserError(429, message, Map.of(field, message));
    }

    /** Too many requests in too short a time; the caller says when to try again in {@code Retry-After}. */
    public static UserError tooManyRequests(String message) {
        return new UserError(429, message, Map.of());
    }

    /** The thing exists and the person may see it, but not change it. */
    public static UserError forbidden(String message) {
        return new UserError(403, message, Map.of());
    }

    /** There is no such thing, or none this person may see. */
    public static UserError notFound(String message) {
        return new UserError(404, message, Map.of());
    }

    /** A known address asked with a method it does not take; the caller names the ones it does in {@code Allow}. */
    public static UserError methodNotAllowed(String message) {
        return new UserError(405, message, Map.of());
    }

    /** The request was right, but what is stored changed under it, or a rule about the whole set of data holds. */
    public static UserError conflict(String message) {
        return new UserError(409, message, Map.of());
    }

    /** A conflict about one field of a form, which is shown again with what was typed. */
    public static UserError conflict(String field, String message) {
        return new UserError(409, message, Map.of(field, message));
    }

    /** The thing existed but can't be used any more: a spent, withdrawn or expired link. */
    public static UserError gone(String message) {
        return new UserError(410, message, Map.of());
    }

    public static UserError tooLarge(String message) {
        return new UserError(413, message, Map.of());
    }

    public static UserError unsupportedMediaType(String message) {
        return new UserError(415, message, Map.of());
    }

    /** One field of a form is not acceptable. */
    public static UserError invalid(String field, String message) {
        return new UserError(422, message, Map.of(field, message));
    }

    /** Several fields are not acceptable: {@code fields} maps each to its sentence, in form order. */
    public static UserError invalid(Map<String, String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an invalid form names at least one field");
        }
        return new UserError(422, fields.values().iterator().next(), new LinkedHashMap<>(fields));
    }

    public int status() {
        return status;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public boolean isAbout(String field) {
        return fields.containsKey(field);
    }

    /**
     * Whether the form the request came from is shown again, with what was typed, rather than an error page: for
     * an error about its fields, and for a conflict with what is stored.
     */
    public boolean keepsInput() {
        return !fields.isEmpty() || status == 409;
    }

    /** Marks {@code ctx} as showing a page again for this error, so that the page can keep what was typed. */
    void showFor(Context ctx) {
        ctx.attribute(SHOWN, this);
    }

    /** The page could not be shown again after all: what follows is an error page, not a form. */
    static void stopShowing(Context ctx) {
        ctx.attribute(SHOWN, null);
    }

    /** The error a page is being shown again for, if it is. */
    public static Optional<UserError> shownFor(Context ctx) {
        return ctx == null ? Optional.empty() : Optional.ofNullable(ctx.attribute(SHOWN));
    }
}
