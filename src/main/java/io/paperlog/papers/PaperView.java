package io.paperlog.papers;

import io.paperlog.web.Text;
import java.util.List;

/**
 * A paper as its page's head and the neighbour links show it: figures formatted for reading, the title rendered to
 * safe HTML, the authors whole and shortened, and where to read it. (The abstract is drawn by the annotations
 * section, with its highlights.)
 */
public record PaperView(long id, Integer rank, String title, String titleHtml, String citations, Integer year,
                        String venue, List<String> authors, String authorsShort, String authorsFull,
                        PaperLinks links) {

    public static PaperView of(Paper paper) {
        List<String> authors = paper.authorList();
        return new PaperView(paper.id(), paper.rank(), AbstractMarkup.toPlainText(paper.title()),
                AbstractMarkup.toHtml(paper.title()), Text.grouped(paper.citations()), paper.year(), paper.venue(),
                authors, Authors.shortened(authors), Authors.full(authors), PaperLinks.of(paper));
    }

    /** "2020 · NeurIPS 2020", "2023", or "" when neither is known. */
    public String published() {
        String year = this.year == null ? "" : String.valueOf(this.year);
        if (venue == null || venue.isBlank()) {
            return year;
        }
        return year.isEmpty() || venue.contains(year) ? venue : year + " · " + venue;
    }
}
