package io.paperlog.papers;

/** A paper as its page shows it: figures formatted for reading, title and abstract rendered to safe HTML. */
public record PaperView(long id, Integer rank, String title, String titleHtml, String citations, String abstractHtml) {

    static PaperView of(Paper paper) {
        return new PaperView(paper.id(), paper.rank(), AbstractMarkup.toPlainText(paper.title()),
                AbstractMarkup.toHtml(paper.title()), Numbers.grouped(paper.citations()),
                AbstractMarkup.toHtml(paper.abstractText()));
    }
}
