package io.paperlog.catalogue;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperView;
import io.paperlog.tags.RowTags;
import io.paperlog.team.TeamStore;
import io.paperlog.tracking.Mark;
import io.paperlog.tracking.RowControls;
import io.paperlog.web.Views;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One line of the catalogue as the page shows it, each value ready to be placed (a page draws fifty rows, and every
 * test or join in the template costs on each): {@code rankText} and {@code rankLabel} ("#1", "Rank 1", or a dash
 * for an added paper); {@code head} the title and authors as HTML, the same for everyone; {@code tagging} my tags
 * on it and the forms to change them, and {@code controls} my status and rating, both as HTML; {@code team} what
 * teammates did with it ("3 read · 1 reading"); {@code onList} whether it is on the list the catalogue is adding to,
 * if it is adding to one.
 */
public record CatalogueRow(long id, String anchor, String rankText, String rankLabel, String title, String head,
                           String citations, String excerpt, String tagging, String controls, String team,
                           boolean onList) {

    static final int EXCERPT_CHARS = 220;
    static final int PAPERS_KEPT = 2_000;

    /** What a row shows of the paper itself, the same for everyone: made once for each version of a paper. */
    private record Shown(Paper paper, String title, String head, String citations, String excerpt) {}

    private static final Map<Long, Shown> SHOWN = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Shown> eldest) {
            return size() > PAPERS_KEPT;
        }
    };

    /**
     * What a page knows of its papers for the person looking: their marks and tags, what teammates did, which papers
     * are on the list being added to; and what each row's forms carry (the CSRF token, the page to come back to).
     */
    record Mine(Map<Long, Mark> marks, RowTags tags, Map<Long, TeamStore.TeamCount> team, Set<Long> onList,
                String csrf, String back) {}

    static CatalogueRow of(Paper paper, Mine mine, Views views) {
        Shown shown = shown(paper, views);
        long id = paper.id();
        return new CatalogueRow(id, "paper-" + id, paper.rank() == null ? "—" : "#" + paper.rank(),
                paper.rank() == null ? "Added, unranked" : "Rank " + paper.rank(), shown.title(), shown.head(),
                shown.citations(), shown.excerpt(), mine.tags().html(id, shown.title(), mine.csrf(), mine.back()),
                RowControls.html(mine.marks().getOrDefault(id, Mark.none(id)), mine.csrf(), mine.back()),
                mine.team().getOrDefault(id, TeamStore.TeamCount.NONE).summary(), mine.onList().contains(id));
    }

    /**
     * Kept by paper id together with the record it was made from, so an edited paper is shown anew. (Keyed by the
     * record itself, every page hashed each paper's whole abstract again: its strings are new on every read.)
     */
    private static Shown shown(Paper paper, Views views) {
        synchronized (SHOWN) {
            Shown kept = SHOWN.get(paper.id());
            if (kept != null && kept.paper().equals(paper)) {
                return kept;
            }
        }
        PaperView view = PaperView.of(paper);
        Shown shown = new Shown(paper, view.title(), views.renderPart("catalogue/row-head", Map.of("paper", view)),
                view.citations(), AbstractMarkup.excerpt(paper.abstractText(), EXCERPT_CHARS));
        synchronized (SHOWN) {
            SHOWN.put(paper.id(), shown);
        }
        return shown;
    }
}
