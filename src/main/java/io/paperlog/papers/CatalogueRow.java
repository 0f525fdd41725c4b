package io.paperlog.papers;

/** One line of the catalogue as the page shows it. */
public record CatalogueRow(long id, Integer rank, String title, String titleHtml, String citations, String excerpt) {

    static CatalogueRow of(Paper paper) {
        return new CatalogueRow(paper.id(), paper.rank(), AbstractMarkup.toPlainText(paper.title()),
                AbstractMarkup.toHtml(paper.title()), Numbers.grouped(paper.citations()),
                AbstractMarkup.excerpt(paper.abstractText(), PaperRoutes.EXCERPT_CHARS));
    }
}
