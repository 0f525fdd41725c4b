package io.paperlog.related;

import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperView;
import java.util.List;

/**
 * A paper as the related lists and /next show it: its title (plain and as safe HTML), when and where it appeared,
 * and why it is there: the words it shares with the paper it is like ({@code becauseTitle} names that paper on
 * /next; it is null on a paper's page, where that paper is the page's own).
 */
public record RelatedPaper(long id, String title, String titleHtml, String published, List<String> sharedTerms,
                           Long becauseId, String becauseTitleHtml, boolean wanted) {

    static RelatedPaper of(Paper paper, List<String> sharedTerms, Paper because, boolean wanted) {
        PaperView view = PaperView.of(paper);
        return new RelatedPaper(paper.id(), view.title(), view.titleHtml(), view.published(), sharedTerms,
                because == null ? null : because.id(), because == null ? null : PaperView.of(because).titleHtml(),
                wanted);
    }

    /** "attention, transformer and long sequences". */
    public String reason() {
        if (sharedTerms.isEmpty()) {
            return "";
        }
        if (sharedTerms.size() == 1) {
            return sharedTerms.get(0);
        }
        return String.join(", ", sharedTerms.subList(0, sharedTerms.size() - 1)) + " and "
                + sharedTerms.get(sharedTerms.size() - 1);
    }
}
