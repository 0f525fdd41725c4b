package io.paperlog.catalogue;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperView;
import io.paperlog.web.Text;

/**
 * One line of the catalogue as the page shows it: {@code controls} is my status and rating on it, as HTML;
 * {@code team} what teammates did with it ("3 read · 1 reading"); {@code onList} whether it is on the list the
 * catalogue is adding to, if it is adding to one.
 */
public record CatalogueRow(long id, Integer rank, String title, String titleHtml, String authors, String published,
                           String citations, String excerpt, String controls, String team, boolean onList) {

    static final int EXCERPT_CHARS = 220;

    static CatalogueRow of(Paper paper, String controls, String team, boolean onList) {
        PaperView view = PaperView.of(paper);
        return new CatalogueRow(paper.id(), paper.rank(), view.title(), view.titleHtml(), view.authorsShort(),
                view.published(), view.citations(),
                AbstractMarkup.excerpt(paper.abstractText(), EXCERPT_CHARS), controls, team, onList);
    }
}
