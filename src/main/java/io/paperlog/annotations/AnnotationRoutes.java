package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.InPlace;
import io.paperlog.web.Params;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Making an annotation on a paper's abstract, and one annotation at its own address: its page, changing it,
 * deleting it, replying to it (and editing one's reply), resolving its discussion. A private annotation answers 404
 * to anyone but its author; a shared one answers 403 to anyone but its author for changes; a reply answers 404 to
 * anyone but its author. Asked in place (app.js), making, deleting and editing a reply answer with the paper's
 * abstract and annotations as they are now, instead of a redirect.
 */
public final class AnnotationRoutes {

    private final AnnotationStore store;
    private final AnnotationSection section;
    private final PaperStore papers;
    private final Views views;

    public AnnotationRoutes(AnnotationStore store, AnnotationSection section, PaperStore papers, Views views) {
        this.store = store;
        this.section = section;
        this.papers = papers;
        this.views = views;
    }

    public void create(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        NewAnnotationForm form = NewAnnotationForm.read(ctx, paper.abstractText());
        long id = store.create(user.id(), paper.id(), form.selector(), form.content());
        done(ctx, paper.id(), "#annotation-" + id);
    }

    /** The form page of {@link #create}: the abstract and the form, with what was typed and what is wrong. */
    public void showNewForm(Context ctx) {
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        List<AnnotationFields.Choice> choices = SelectionForm.choices(paper.abstractText(), Form.kept(ctx, "exact", ""));
        views.render(ctx, "annotations/new", Map.of(
                "paper", paper,
                "paperTitleHtml", AbstractMarkup.toHtml(paper.title()),
                "abstractHtml", AbstractMarkup.toHtml(paper.abstractText()),
                "fields", AnnotationFields.kept(ctx, AnnotationFields.EMPTY, choices)));
    }

    /** The annotation's page; also the form page of its edit and reply forms. */
    public void show(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Annotation a = visible(ctx, user);
        boolean replyRefused = UserError.shownFor(ctx).filter(e -> e.isAbout(ReplyForm.FIELD)).isPresent();
        AnnotationFields fields = replyRefused ? AnnotationFields.of(a)
                : AnnotationFields.kept(ctx, AnnotationFields.of(a), List.of());
        Map<String, Object> model = new HashMap<>();
        String number = AnnotationSection.numbers(store.forPaper(a.paperId(), user.id())).get(a.id());
        model.put("item", AnnotationSection.item(number, a, user, "", store.replies(List.of(a.id()))));
        model.put("paperTitleHtml", AbstractMarkup.toHtml(a.paperTitle()));
        model.put("fields", fields);
        model.put("reply", replyRefused ? Form.kept(ctx, "body", "") : "");
        views.render(ctx, "annotations/show", model);
    }

    public void update(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Annotation a = owned(ctx, user);
        store.update(a.id(), user.id(), AnnotationForm.read(ctx));
        SafeRedirect.to(ctx, "/papers/" + a.paperId() + "#annotation-" + a.id(), null);
    }

    public void delete(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Annotation a = owned(ctx, user);
        store.delete(a.id(), user.id());
        done(ctx, a.paperId(), "#annotations");
    }

    public void reply(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Annotation a = visible(ctx, user);
        if (!a.isTeam()) {
            throw UserError.badRequest("Replies are for annotations shared with the team; this one is private.");
        }
        long replyId = store.reply(a.id(), user.id(), ReplyForm.read(ctx).body())
                .orElseThrow(() -> UserError.notFound("There is no annotation " + a.id() + "."));
        SafeRedirect.to(ctx, "/papers/" + a.paperId() + "#reply-" + replyId, null);
    }

    /** The author changes their reply; anyone else, or a reply that is not on this annotation, gets a 404. */
    public void editReply(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Annotation a = visible(ctx, user);
        long replyId = Params.pathId(ctx, "replyId", "Reply");
        String body = ReplyForm.read(ctx).body();
        if (!store.editReply(a.id(), replyId, user.id(), body)) {
            throw UserError.notFound("There is no reply " + replyId + " of yours here.");
        }
        done(ctx, a.paperId(), "#reply-" + replyId);
    }

    public void resolve(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Annotation a = owned(ctx, user);
        if (!a.isTeam()) {
            throw UserError.badRequest("Only annotations shared with the team have a discussion to resolve.");
        }
        store.setResolved(a.id(), user.id(), ResolveForm.read(ctx).resolved());
        SafeRedirect.to(ctx, "/papers/" + a.paperId() + "#annotation-" + a.id(), null);
    }

    /** Back to the paper at {@code anchor}; in place, the paper's abstract and annotations as they are now. */
    private void done(Context ctx, long paperId, String anchor) {
        if (AnnotationSection.FRAGMENT.equals(InPlace.fragment(ctx))) {
            views.render(ctx, section.fragments().get(AnnotationSection.FRAGMENT),
                    section.model(ctx, papers.require(paperId)));
            return;
        }
        SafeRedirect.to(ctx, "/papers/" + paperId + anchor, null);
    }

    private Annotation visible(Context ctx, CurrentUser user) {
        return store.requireVisible(Params.pathId(ctx, "id", "Annotation"), user.id());
    }

    private Annotation owned(Context ctx, CurrentUser user) {
        return store.requireOwned(Params.pathId(ctx, "id", "Annotation"), user.id());
    }
}
