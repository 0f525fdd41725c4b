package io.paperlog.papers;

import io.paperlog.web.Text;

/**
 * A paper as its page's head and the neighbour links show it: figures formatted for reading, the title rendered to
 * safe HTML. (The abstract is drawn by the annotations section, with its highlights.)
 */
public record PaperView(long id, Integer rank, String title, String titleHtml, String citations) {

    static PaperView of(Paper paper) {
        return new PaperView(paper.id(), paper.rank(), AbstractMarkup.toPlainText(paper.title()),
                AbstractMarkup.toHtml(paper.title()), Text.grouped(paper.citations()));
    }
}
