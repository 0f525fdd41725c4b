package io.paperlog.catalogue;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.Paper;
import io.paperlog.web.Text;

/** One line of the catalogue as the page shows it; {@code controls} is my status and rating on it, as HTML. */
public record CatalogueRow(long id, Integer rank, String title, String titleHtml, String citations, String excerpt,
                           String controls) {

    static final int EXCERPT_CHARS = 220;

    static CatalogueRow of(Paper paper, String controls) {
        return new CatalogueRow(paper.id(), paper.rank(), AbstractMarkup.toPlainText(paper.title()),
                AbstractMarkup.toHtml(paper.title()), Text.grouped(paper.citations()),
                AbstractMarkup.excerpt(paper.abstractText(), EXCERPT_CHARS), controls);
    }
}
