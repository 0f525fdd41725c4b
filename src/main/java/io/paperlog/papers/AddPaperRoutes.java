package io.paperlog.papers;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.Map;

/**
 * Papers people add: the add form (fields, or a pasted BibTeX entry), editing and deleting one's own (an admin any
 * added paper; never a seeded one), and any paper's citation as BibTeX.
 */
public final class AddPaperRoutes {

    /** What the add and edit forms show in their fields: what was typed, or what is stored. */
    public record Fields(String title, String authors, String year, String venue, String abstractText, String url,
                         String arxiv, String doi, String bibtex) {

        static final Fields EMPTY = new Fields("", "", "", "", "", "", "", "", "");

        static Fields of(Paper paper) {
            return new Fields(paper.title(), String.join("\n", paper.authorList()),
                    paper.year() == null ? "" : paper.year().toString(), orEmpty(paper.venue()), paper.abstractText(),
                    orEmpty(paper.url()), orEmpty(paper.arxivId()), orEmpty(paper.doi()), "");
        }

        Fields kept(Context ctx) {
            return new Fields(Form.kept(ctx, "title", title), Form.kept(ctx, "authors", authors),
                    Form.kept(ctx, "year", year), Form.kept(ctx, "venue", venue),
                    Form.kept(ctx, "abstract", abstractText), Form.kept(ctx, "url", url),
                    Form.kept(ctx, "arxiv", arxiv), Form.kept(ctx, "doi", doi),
                    Form.kept(ctx, PaperForm.FIELD_BIBTEX, bibtex));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    private final PaperStore papers;
    private final AddedPaperStore added;
    private final Views views;

    public AddPaperRoutes(PaperStore papers, AddedPaperStore added, Views views) {
        this.papers = papers;
        this.added = added;
        this.views = views;
    }

    public void showNew(Context ctx) {
        CurrentUser.of(ctx);
        views.render(ctx, "papers/new", Map.of("fields", Fields.EMPTY.kept(ctx), "existing", existing(ctx)));
    }

    public void create(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        long id = added.add(user.id(), PaperForm.read(ctx));
        SafeRedirect.to(ctx, "/papers/" + id, "The paper is added: everyone on this Paperlog can read and track it.");
    }

    public void showEdit(Context ctx) {
        Paper paper = changeable(ctx);
        views.render(ctx, "papers/edit", Map.of("paper", PaperView.of(paper), "fields", Fields.of(paper).kept(ctx),
                "existing", existing(ctx)));
    }

    public void update(Context ctx) {
        Paper paper = changeable(ctx);
        added.update(paper, PaperForm.read(ctx));
        SafeRedirect.to(ctx, "/papers/" + paper.id(), "Saved the paper's details.");
    }

    public void delete(Context ctx) {
        Paper paper = changeable(ctx);
        added.delete(paper);
        SafeRedirect.to(ctx, "/", "Deleted “" + AbstractMarkup.toPlainText(paper.title())
                + "” with everyone's statuses, notes and annotations on it.");
    }

    /** The paper's citation as one BibTeX entry, as text to copy or save. */
    public void bibtex(Context ctx) {
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        ctx.header("Content-Disposition", "inline; filename=\"" + BibTex.key(paper) + ".bib\"");
        ctx.contentType("text/plain; charset=utf-8").result(BibTex.export(paper));
    }

    private Paper changeable(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        return AddedPaperStore.requireChangeable(papers.require(Params.pathId(ctx, "id", "Paper")), user);
    }

    /** The id of the paper a refused form duplicates, or 0. */
    private static long existing(Context ctx) {
        return UserError.shownFor(ctx).map(error -> error.details().get(AddedPaperStore.EXISTING))
                .map(id -> ((Number) id).longValue()).orElse(0L);
    }
}
