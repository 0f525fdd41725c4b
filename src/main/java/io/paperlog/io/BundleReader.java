package io.paperlog.io;

import io.paperlog.web.Json;
import io.paperlog.web.UserError;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

/** paperlog.json into a {@link Bundle}: a Paperlog export of a version this Paperlog reads, complete in every part. */
final class BundleReader {

    private BundleReader() {}

    static Bundle read(JsonNode root) {
        if (!root.isObject() || !Bundle.FORMAT.equals(root.path("format").asString(null))) {
            throw UserError.invalid("file", "This JSON is not a Paperlog export (its \"format\" is not \""
                    + Bundle.FORMAT + "\"), nor a CSL-JSON list of papers.");
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber() || version.asInt() < 1) {
            throw UserError.invalid("file", "This Paperlog export has no valid \"version\".");
        }
        if (version.asInt() > Bundle.VERSION) {
            throw UserError.invalid("file", "This export was made by a newer Paperlog (format version "
                    + version.asInt() + "); this one reads version " + Bundle.VERSION + ". Update Paperlog, then "
                    + "import it again.");
        }
        Bundle bundle;
        try {
            bundle = Json.convert(root, Bundle.class);
        } catch (DatabindException e) {
            throw UserError.invalid("file", "paperlog.json does not have the shape of a version-1 export"
                    + where(e) + ".");
        } catch (JacksonException e) {
            throw UserError.invalid("file", "paperlog.json could not be read.");
        }
        requireComplete(bundle);
        return bundle;
    }

    /** Where in the document the shape broke: {@code at people[0].notes[3].revision}. */
    private static String where(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " at " + path;
    }

    private static void requireComplete(Bundle b) {
        require(b.papers(), "papers");
        require(b.people(), "people");
        if (b.people().isEmpty()) {
            throw UserError.invalid("file", "This Paperlog export holds nobody's data.");
        }
        for (Bundle.Person p : b.people()) {
            require(p.statuses(), "statuses");
            require(p.statusEvents(), "status_events");
            require(p.ratings(), "ratings");
            require(p.notes(), "notes");
            require(p.annotations(), "annotations");
            require(p.replies(), "replies");
            require(p.lists(), "lists");
            require(p.comments(), "comments");
            require(p.tags(), "tags");
            require(p.savedFilters(), "saved_filters");
            p.tags().forEach(t -> require(t.papers(), "papers"));
            p.notes().forEach(n -> require(n.revisions(), "revisions"));
            p.annotations().forEach(a -> require(a.tags(), "tags"));
            p.replies().forEach(r -> require(r.annotation(), "annotation"));
            p.comments().forEach(c -> require(c.list(), "list"));
            p.lists().forEach(l -> {
                require(l.members(), "members");
                require(l.items(), "items");
            });
        }
        for (Bundle.PaperEntry paper : b.papers()) {
            require(paper.key(), "key");
        }
    }

    private static void require(Object part, String name) {
        if (part == null || part instanceof List<?> list && list.contains(null)) {
            throw UserError.invalid("file", "This Paperlog export is incomplete: \"" + name + "\" is missing or "
                    + "holds an empty entry.");
        }
    }
}
