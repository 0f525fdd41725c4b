package io.paperlog.papers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.paperlog.web.Params;
import io.paperlog.web.Views;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalogue and the page of each paper. */
public final class PaperRoutes {

    static final int EXCERPT_CHARS = 220;

    private final PaperStore papers;
    private final Views views;
    private final List<PaperPageSection> sections;
    private final PersonalView personal;

    public PaperRoutes(PaperStore papers, Views views) {
        this(papers, views, List.of(), PersonalView.NONE);
    }

    public PaperRoutes(PaperStore papers, Views views, List<PaperPageSection> sections) {
        this(papers, views, sections, PersonalView.NONE);
    }

    public PaperRoutes(PaperStore papers, Views views, List<PaperPageSection> sections, PersonalView personal) {
        this.papers = papers;
        this.views = views;
        this.sections = List.copyOf(sections);
        this.personal = personal;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::catalogue);
        routes.get("/papers/{id}", this::show);
    }

    void catalogue(Context ctx) {
        CatalogueSort sort = CatalogueSort.fromParam(ctx.queryParam("sort")).orElseThrow(() ->
                new BadRequestResponse("Papers can be sorted by " + Arrays.stream(CatalogueSort.values())
                        .map(CatalogueSort::getSlug).collect(Collectors.joining(", ")) + "."));
        List<CatalogueRow> rows = papers.catalogue(sort).stream().map(CatalogueRow::of).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("sort", sort);
        model.put("sorts", CatalogueSort.values());
        model.put("rows", personal.catalogue(ctx, rows, sort, model));
        views.render(ctx, "papers/catalogue", model);
    }

    void show(Context ctx) {
        showPaper(ctx, Params.pathId(ctx, "id", "Paper"), Map.of());
    }

    /**
     * Renders the page of paper {@code id}; {@code extra} adds to or overrides the model, e.g. a form re-shown
     * with what was typed after a 422. The response status is left as the caller set it.
     */
    public void showPaper(Context ctx, long id, Map<String, Object> extra) {
        Paper paper = papers.find(id).orElseThrow(() -> new NotFoundResponse("There is no paper " + id + "."));
        PaperStore.Neighbours neighbours = papers.neighbours(paper);
        Map<String, Object> model = new HashMap<>();
        model.put("paper", PaperView.of(paper));
        model.put("previous", neighbours.previous() == null ? List.of() : List.of(PaperView.of(neighbours.previous())));
        model.put("next", neighbours.next() == null ? List.of() : List.of(PaperView.of(neighbours.next())));
        for (PaperPageSection section : sections) {
            model.putAll(section.model(ctx, paper));
        }
        personal.paper(ctx, id, model);
        model.putAll(extra);
        views.render(ctx, "papers/show", model);
    }
}
