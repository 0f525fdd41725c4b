package io.paperlog.papers;

import io.javalin.http.Context;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.FormPage;
import io.paperlog.web.InPlace;
import io.paperlog.web.Params;
import io.paperlog.web.Views;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page of one paper: its title, figures and abstract, the neighbouring papers, and the sections features
 * contribute. It is also the form page of every form on it, so a refused post shows it again, and for an
 * in-place request it draws just the section piece asked for.
 */
public final class PaperPage implements FormPage {

    private final PaperStore papers;
    private final Views views;
    private final List<PaperSection> sections;

    public PaperPage(PaperStore papers, Views views, List<PaperSection> sections) {
        this.papers = papers;
        this.views = views;
        this.sections = List.copyOf(sections);
    }

    @Override
    public void show(Context ctx) {
        Paper paper = papers.require(Params.pathId(ctx, "id", "Paper"));
        String fragment = InPlace.fragment(ctx);
        for (PaperSection section : sections) {
            String template = fragment == null ? null : section.fragments().get(fragment);
            if (template != null) {
                views.render(ctx, template, section.model(ctx, paper));
                return;
            }
        }
        PaperStore.Neighbours neighbours = papers.neighbours(paper);
        Map<String, Object> model = new HashMap<>();
        model.put("paper", PaperView.of(paper));
        model.put("mayChange", AddedPaperStore.mayChange(paper, CurrentUser.of(ctx)));
        model.put("previous", neighbours.previous() == null ? List.of() : List.of(PaperView.of(neighbours.previous())));
        model.put("next", neighbours.next() == null ? List.of() : List.of(PaperView.of(neighbours.next())));
        sections.forEach(section -> model.putAll(section.model(ctx, paper)));
        views.render(ctx, "papers/show", model);
    }

    @Override
    public boolean draws(String fragment) {
        return sections.stream().anyMatch(section -> section.fragments().containsKey(fragment));
    }
}
