package io.paperlog.tags;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.papers.PaperView;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.InPlace;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Views;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * My tags: the tags page with counts, a page per tag (rename, merge, delete), and putting tags on papers and
 * taking them off, from a paper's page, a catalogue row, or a selection of rows. A plain form gets a 303 back to
 * where it came from; app.js asks for the paper page's editor ({@code tags}) in place.
 */
public final class TagRoutes {

    private final TagStore tags;
    private final PaperStore papers;
    private final TagSection section;
    private final Views views;

    public TagRoutes(TagStore tags, PaperStore papers, TagSection section, Views views) {
        this.tags = tags;
        this.papers = papers;
        this.section = section;
        this.views = views;
    }

    public void index(Context ctx) {
        List<Tag> mine = tags.tags(CurrentUser.of(ctx).id());
        views.render(ctx, "tags/index", Map.of("tags", mine,
                "most", mine.stream().mapToInt(Tag::papers).max().orElse(0)));
    }

    /** A tag's page: its papers, and the forms to rename (or merge) and delete it; the rename form's page too. */
    public void show(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        Tag tag = tags.require(owner, ctx.pathParam("name"));
        views.render(ctx, "tags/show", Map.of("tag", tag,
                "papers", tags.papers(owner, tag.id()).stream().map(PaperView::of).toList(),
                "newName", Form.kept(ctx, "name", tag.name()),
                "others", tags.tags(owner).stream().filter(t -> t.id() != tag.id()).toList()));
    }

    public void rename(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        Tag tag = tags.require(owner, ctx.pathParam("name"));
        TagStore.Renamed renamed = tags.rename(owner, tag.id(), TagForm.newName(ctx));
        Tag now = tags.require(owner, renamed.name());
        SafeRedirect.to(ctx, now.href(), renamed.merged()
                ? "Merged #" + tag.name() + " into #" + now.name() + ": it is on " + papersCount(now.papers()) + " now."
                : "Renamed #" + tag.name() + " to #" + now.name() + ".");
    }

    public void delete(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        Tag tag = tags.require(owner, ctx.pathParam("name"));
        tags.delete(owner, tag.id());
        SafeRedirect.to(ctx, "/tags", "Deleted #" + tag.name() + ": it is off the " + papersCount(tag.papers())
                + " it was on.");
    }

    /** Adds the typed tags to one paper: from its page or from its catalogue row. */
    public void addToPaper(Context ctx) {
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        TagForm form = TagForm.read(ctx);
        tags.add(CurrentUser.of(ctx).id(), List.of(paper.id()), form.names());
        answer(ctx, paper, "Tagged " + names(form) + ".");
    }

    public void removeFromPaper(Context ctx) {
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        String tag = TagForm.tag(ctx);
        tags.remove(CurrentUser.of(ctx).id(), List.of(paper.id()), tag);
        answer(ctx, paper, "Took #" + tag.strip() + " off.");
    }

    /** The catalogue's selection: the selected papers get the typed tags, or lose them. */
    public void bulk(Context ctx) {
        long owner = CurrentUser.of(ctx).id();
        boolean removing = TagForm.removing(ctx);
        Set<Long> ticked = TagForm.papers(ctx);
        TagForm form = TagForm.read(ctx);
        if (removing) {
            tags.remove(owner, ticked, form.names());
        } else {
            tags.add(owner, ticked, form.names());
        }
        SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/"), removing
                ? "Took " + names(form) + " off " + papersCount(ticked.size()) + "."
                : "Tagged " + papersCount(ticked.size()) + " with " + names(form) + ".");
    }

    private void answer(Context ctx, Paper paper, String message) {
        if (TagSection.FRAGMENT.equals(InPlace.fragment(ctx))) {
            views.render(ctx, TagSection.TEMPLATE, Map.of("tagEditor", section.editor(ctx, paper.id())));
        } else {
            SafeRedirect.to(ctx, SafeRedirect.back(ctx, "/papers/" + paper.id()), message);
        }
    }

    private static String names(TagForm form) {
        return String.join(", ", form.names().stream().map(n -> "#" + n.name()).toList());
    }

    private static String papersCount(int n) {
        return n == 1 ? "1 paper" : n + " papers";
    }
}
