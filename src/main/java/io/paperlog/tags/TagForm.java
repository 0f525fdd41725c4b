package io.paperlog.tags;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.UserError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tag forms: tags typed to add (several, comma- or space-separated), a tag's new name, the papers ticked. */
record TagForm(List<TagName> names) {

    static final String FIELD = "tags";
    static final int MAX_AT_ONCE = 10;
    static final int MAX_FIELD = 1000;

    /** Tags to add, typed in the {@code tags} field. */
    static TagForm read(Context ctx) {
        Form form = Form.of(ctx);
        String typed = form.text(FIELD);
        form.atMost(FIELD, typed, MAX_FIELD, "The tags field");
        TagName.Parsed parsed = TagName.parseMany(typed);
        if (!parsed.problems().isEmpty()) {
            form.problem(FIELD, parsed.problems().get(0));
        } else if (parsed.names().isEmpty()) {
            form.problem(FIELD, "Please type a tag.");
        } else if (parsed.names().size() > MAX_AT_ONCE) {
            form.problem(FIELD, "Add up to " + MAX_AT_ONCE + " tags at once.");
        }
        form.refuseIfInvalid();
        return new TagForm(parsed.names());
    }

    /** A tag's new name, in the {@code name} field. */
    static TagName newName(Context ctx) {
        Form form = Form.of(ctx);
        String typed = form.text("name");
        String problem = TagName.problem(typed);
        if (problem != null) {
            throw UserError.invalid("name", problem);
        }
        return TagName.parse(typed).orElseThrow();
    }

    /** The one tag a remove button names, in its hidden {@code tag} field. */
    static String tag(Context ctx) {
        String tag = ctx.formParam("tag");
        if (tag == null || tag.isBlank()) {
            throw UserError.badRequest("Say which tag to take off.");
        }
        return tag;
    }

    /** The papers ticked in the catalogue ({@code paper}, once per paper). */
    static Set<Long> papers(Context ctx) {
        List<String> raw = ctx.formParams("paper");
        if (raw.size() > TagStore.MAX_PAPERS_AT_ONCE) {
            throw UserError.badRequest("Tag up to " + TagStore.MAX_PAPERS_AT_ONCE + " papers at once.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        raw.forEach(id -> ids.add(Params.id(id.strip(), "Paper")));
        if (ids.isEmpty()) {
            throw UserError.invalid("paper", "Select at least one paper first.");
        }
        return ids;
    }

    /** Whether the bulk form adds the tag or takes it off ({@code action=add|remove}). */
    static boolean removing(Context ctx) {
        String action = ctx.formParam("action");
        if (action == null || action.equals("add")) {
            return false;
        }
        if (!action.equals("remove")) {
            throw UserError.badRequest("The selection's tag is either added (action=add) or taken off (action=remove).");
        }
        return true;
    }
}
