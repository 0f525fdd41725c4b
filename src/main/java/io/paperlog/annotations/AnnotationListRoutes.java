package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.annotations.AnnotationStore.Filter;
import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Params;
import io.paperlog.web.SafeMarkdown;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** My annotations, newest first and filtered by paper, colour or tag; and their W3C Web Annotation export. */
public final class AnnotationListRoutes {

    /** One of my annotations as the list shows it; {@code href} leads to its highlight, or its card if orphaned. */
    public record Listed(Annotation a, String bodyHtml, String paperTitleHtml, String href, boolean orphan) {}

    /** A paper I annotated, for the paper filter. */
    public record PaperChoice(long id, String title) {}

    private final AnnotationStore store;
    private final PaperStore papers;
    private final BaseUrl baseUrl;
    private final Views views;

    public AnnotationListRoutes(AnnotationStore store, PaperStore papers, BaseUrl baseUrl, Views views) {
        this.store = store;
        this.papers = papers;
        this.baseUrl = baseUrl;
        this.views = views;
    }

    public void list(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Filter filter = filter(ctx);
        Map<Long, Paper> byId = new HashMap<>();
        List<Listed> rows = store.mine(user.id(), filter).stream().map(a -> {
            Paper paper = byId.computeIfAbsent(a.paperId(), papers::require);
            boolean placed = Anchoring.anchor(paper.abstractText(), a.selector()).isPresent();
            return new Listed(a, SafeMarkdown.toHtml(a.body()), AbstractMarkup.toHtml(a.paperTitle()),
                    "/papers/" + a.paperId() + (placed ? "#mark-" : "#annotation-") + a.id(), !placed);
        }).toList();
        Map<Long, PaperChoice> choices = new LinkedHashMap<>();
        store.mine(user.id(), Filter.NONE).forEach(a -> choices.putIfAbsent(a.paperId(),
                new PaperChoice(a.paperId(), AbstractMarkup.toPlainText(a.paperTitle()))));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("papers", choices.values().stream().sorted(Comparator.comparing(PaperChoice::title)).toList());
        model.put("tags", store.myTags(user.id()));
        model.put("colours", AnnotationForm.COLOURS);
        model.put("filter", filter);
        views.render(ctx, "annotations/list", model);
    }

    public void exportAll(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        String base = baseUrl.of(ctx);
        sendJsonLd(ctx, "annotations.jsonld", JsonLd.collection(base + "/annotations.jsonld",
                "Annotations by " + user.displayName(), store.mine(user.id(), Filter.NONE), base));
    }

    public void exportPaper(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        String base = baseUrl.of(ctx);
        sendJsonLd(ctx, "paper-" + paper.id() + "-annotations.jsonld", JsonLd.collection(
                base + "/papers/" + paper.id() + "/annotations.jsonld",
                "Annotations by " + user.displayName() + " on " + AbstractMarkup.toPlainText(paper.title()),
                store.mine(user.id(), new Filter(paper.id(), null, null)), base));
    }

    private static void sendJsonLd(Context ctx, String filename, String json) {
        ctx.contentType(JsonLd.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .result(json);
    }

    /** The list's filters from the query ({@code paper}, {@code colour}, {@code tag}): also the API's. */
    public static Filter filter(Context ctx) {
        String paper = Params.query(ctx, "paper");
        String colour = Params.query(ctx, "colour");
        String tag = Params.query(ctx, "tag");
        if (colour != null && !AnnotationForm.COLOURS.contains(colour)) {
            throw UserError.badRequest("Highlight colours are " + String.join(", ", AnnotationForm.COLOURS) + ".");
        }
        return new Filter(paper == null ? null : Params.id(paper, "Paper"), colour,
                tag == null ? null : tag.toLowerCase(Locale.ROOT));
    }
}
