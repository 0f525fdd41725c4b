package io.paperlog.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperlog.api.ApiBody.Field;
import io.paperlog.api.ApiBody.Kind;
import io.paperlog.annotations.Annotation;
import io.paperlog.annotations.AnnotationForm;
import io.paperlog.annotations.AnnotationListRoutes;
import io.paperlog.annotations.AnnotationStore;
import io.paperlog.annotations.JsonLd;
import io.paperlog.annotations.NewAnnotationForm;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * Annotations as W3C Web Annotations, in the shape of the JSON-LD export: mine (filtered by paper, colour or tag),
 * those I may see on a paper (mine and the team's shared ones), one I may see; making, changing and deleting my
 * own. A private annotation of someone else's is a 404; changing a teammate's shared one, a 403.
 */
public final class AnnotationApi {

    static final List<Field> CONTENT = List.of(Field.of("body", Kind.TEXT), Field.of("colour", Kind.TEXT),
            Field.of("visibility", Kind.TEXT), Field.of("tags", Kind.TEXT_LIST));
    static final List<Field> NEW;

    static {
        List<Field> fields = new ArrayList<>(List.of(Field.of("exact", Kind.TEXT), Field.of("start", Kind.WHOLE_NUMBER),
                Field.of("end", Kind.WHOLE_NUMBER), Field.of("occurrence", Kind.WHOLE_NUMBER)));
        fields.addAll(CONTENT);
        NEW = List.copyOf(fields);
    }

    private final AnnotationStore store;
    private final PaperStore papers;
    private final BaseUrl baseUrl;

    AnnotationApi(AnnotationStore store, PaperStore papers, BaseUrl baseUrl) {
        this.store = store;
        this.papers = papers;
        this.baseUrl = baseUrl;
    }

    public void mine(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        collection(ctx, "/api/v1/annotations", "Annotations by " + user.displayName(),
                store.mine(user.id(), AnnotationListRoutes.filter(ctx)));
    }

    public void onPaper(Context ctx) {
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        collection(ctx, "/api/v1/papers/" + paper.id() + "/annotations", "Annotations on paper " + paper.id(),
                store.forPaper(paper.id(), CurrentUser.of(ctx).id()));
    }

    public void show(Context ctx) {
        send(ctx, store.requireVisible(Params.pathId(ctx, "id", "Annotation"), CurrentUser.of(ctx).id()));
    }

    public void create(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        NewAnnotationForm form = NewAnnotationForm.read(ApiBody.read(ctx, NEW), paper.abstractText());
        long id = store.create(user.id(), paper.id(), form.selector(), form.content());
        ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/annotations/" + id);
        send(ctx, store.requireVisible(id, user.id()));
    }

    /** Replaces the comment, colour, visibility and tags (an absent member takes its default, as on the page). */
    public void update(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Annotation a = store.requireOwned(Params.pathId(ctx, "id", "Annotation"), user.id());
        Form form = ApiBody.read(ctx, CONTENT);
        AnnotationForm content = AnnotationForm.read(form);
        form.refuseIfInvalid();
        store.update(a.id(), user.id(), content);
        send(ctx, store.requireVisible(a.id(), user.id()));
    }

    public void delete(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Annotation a = store.requireOwned(Params.pathId(ctx, "id", "Annotation"), user.id());
        store.delete(a.id(), user.id());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void send(Context ctx, Annotation a) {
        Api.send(ctx, JsonLd.single(a, baseUrl.of(ctx), true));
    }

    private void collection(Context ctx, String path, String label, List<Annotation> annotations) {
        String base = baseUrl.of(ctx);
        Api.send(ctx, JsonLd.collectionJson(base + path, label, annotations, base));
    }
}
