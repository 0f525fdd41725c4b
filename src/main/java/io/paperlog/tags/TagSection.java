package io.paperlog.tags;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperSection;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.UserError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "My tags" on a paper's page: the tags I put on it, each removable, a field to add more, and my other tags to
 * add with one click. Nobody else sees this section's content. app.js updates it in place ({@code tags}).
 */
public final class TagSection implements PaperSection {

    static final String FRAGMENT = "tags";
    static final String TEMPLATE = "tags/fragments/editor";
    private static final int SUGGESTIONS = 12;

    /** What the editor shows: the tags on the paper, my others to offer, and a refused field's text and problem. */
    public record Editor(long paperId, List<Tag> tags, List<Tag> suggestions, String draft, String error) {}

    private final TagStore tags;

    public TagSection(TagStore tags) {
        this.tags = tags;
    }

    @Override
    public Map<String, Object> model(Context ctx, Paper paper) {
        return Map.of("tagEditor", editor(ctx, paper.id()));
    }

    @Override
    public Map<String, String> fragments() {
        return Map.of(FRAGMENT, TEMPLATE);
    }

    Editor editor(Context ctx, long paperId) {
        long owner = CurrentUser.of(ctx).id();
        List<Tag> on = tags.onPaper(owner, paperId);
        Set<Long> ids = on.stream().map(Tag::id).collect(Collectors.toSet());
        List<Tag> others = tags.tags(owner).stream().filter(t -> !ids.contains(t.id()))
                .sorted((a, b) -> Integer.compare(b.papers(), a.papers())).limit(SUGGESTIONS).toList();
        String error = UserError.shownFor(ctx).filter(e -> e.isAbout(TagForm.FIELD)).map(UserError::getMessage)
                .orElse(null);
        return new Editor(paperId, on, others, error == null ? "" : Form.kept(ctx, TagForm.FIELD, ""), error);
    }
}
