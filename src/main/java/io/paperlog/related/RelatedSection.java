package io.paperlog.related;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperSection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** "Related papers" on a paper's page: the five most like it, each with the words they share. */
public final class RelatedSection implements PaperSection {

    static final int SHOWN = 5;

    private final RelatedPapers related;
    private final RelatedStore store;

    RelatedSection(RelatedPapers related, RelatedStore store) {
        this.related = related;
        this.store = store;
    }

    @Override
    public Map<String, Object> model(Context ctx, Paper paper) {
        List<RelatedIndex.Match> matches = related.similarTo(paper.id(), SHOWN);
        Map<Long, Paper> papers = store.papers(matches.stream().map(RelatedIndex.Match::id).toList()).stream()
                .collect(Collectors.toMap(Paper::id, Function.identity()));
        return Map.of("related", matches.stream()
                .filter(m -> papers.containsKey(m.id()))
                .map(m -> RelatedPaper.of(papers.get(m.id()), m.sharedTerms(), null, false))
                .toList());
    }
}
