package io.paperlog.catalogue;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the catalogue as the page shows it: {@code controls} is my status and rating on it, as HTML;
 * {@code team} what teammates did with it ("3 read · 1 reading"); {@code onList} whether it is on the list the
 * catalogue is adding to, if it is adding to one.
 */
public record CatalogueRow(long id, Integer rank, String title, String titleHtml, String authors, String published,
                           String citations, String excerpt, String controls, String team, boolean onList) {

    static final int EXCERPT_CHARS = 220;
    static final int PAPERS_KEPT = 2_000;

    /** What a row shows of the paper itself, the same for everyone: made once for each version of a paper. */
    private record Shown(Paper paper, String title, String titleHtml, String authors, String published,
                         String citations, String excerpt) {}

    private static final Map<Long, Shown> SHOWN = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Shown> eldest) {
            return size() > PAPERS_KEPT;
        }
    };

    static CatalogueRow of(Paper paper, String controls, String team, boolean onList) {
        Shown shown = shown(paper);
        return new CatalogueRow(paper.id(), paper.rank(), shown.title(), shown.titleHtml(), shown.authors(),
                shown.published(), shown.citations(), shown.excerpt(), controls, team, onList);
    }

    /**
     * Kept by paper id together with the record it was made from, so an edited paper is shown anew. (Keyed by the
     * record itself, every page hashed each paper's whole abstract again: its strings are new on every read.)
     */
    private static Shown shown(Paper paper) {
        synchronized (SHOWN) {
            Shown kept = SHOWN.get(paper.id());
            if (kept != null && kept.paper().equals(paper)) {
                return kept;
            }
        }
        PaperView view = PaperView.of(paper);
        Shown shown = new Shown(paper, view.title(), view.titleHtml(), view.authorsShort(), view.published(),
                view.citations(), AbstractMarkup.excerpt(paper.abstractText(), EXCERPT_CHARS));
        synchronized (SHOWN) {
            SHOWN.put(paper.id(), shown);
        }
        return shown;
    }
}
