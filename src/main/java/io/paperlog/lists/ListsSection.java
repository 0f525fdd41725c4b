package io.paperlog.lists;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperSection;
import io.paperlog.web.CurrentUser;
import java.util.List;
import java.util.Map;

/** On a paper's page: the lists I may see that hold it, and the lists I may add it to. */
public final class ListsSection implements PaperSection {

    /** What the section shows. */
    public record OnPaper(long paperId, List<ListSummary> holding, List<ListSummary> addable) {}

    private final ListStore lists;

    public ListsSection(ListStore lists) {
        this.lists = lists;
    }

    @Override
    public Map<String, Object> model(Context ctx, Paper paper) {
        long viewer = CurrentUser.of(ctx).id();
        List<ListSummary> holding = lists.holding(paper.id(), viewer);
        List<ListSummary> addable = lists.editable(viewer).stream()
                .filter(l -> holding.stream().noneMatch(h -> h.id() == l.id())).toList();
        return Map.of("lists", new OnPaper(paper.id(), holding, addable));
    }
}
